/// Reference lists for Indonesia. Many Indonesians (especially Javanese) carry a single name;
/// `singleNameShare` says how often. "Surnames" here are family or second names common in
/// practice (Batak marga, Minahasan fams, patronymic-style second names).
extension LocaleCatalog {
    static let indonesia = LocaleCatalog(
        country: .id,
        maleGivenNames: [
            "Budi", "Agus", "Bambang", "Joko", "Slamet", "Hendra", "Andi", "Rudi", "Dedi", "Eko",
            "Wahyu", "Yusuf", "Ahmad", "Muhammad", "Rizky", "Fajar", "Dimas", "Bayu", "Arif", "Hadi",
            "Sutrisno", "Suharto", "Sukarno", "Teguh", "Adi", "Wayan", "Made", "Ketut", "Nyoman",
            "Putu", "Gede", "Komang", "Rahmat", "Hidayat", "Irfan", "Reza", "Aditya", "Dwi", "Tri",
            "Yoga", "Ilham", "Rizal", "Fauzi", "Hasan", "Ibrahim", "Imam", "Iwan", "Rian", "Dani",
            "Gilang", "Galih", "Heru", "Indra", "Kurniawan", "Lukman", "Nur", "Prabowo", "Rangga",
            "Setiawan", "Taufik", "Wawan", "Yanto", "Zainal", "Darmawan", "Firman", "Gunawan", "Haris",
            "Surya", "Aris", "Bagus", "Cahyo", "Danang", "Endro", "Ferry", "Herman", "Jaya",
        ],
        femaleGivenNames: [
            "Siti", "Sri", "Dewi", "Nur", "Ani", "Rina", "Ratna", "Wati", "Yuni", "Lestari",
            "Indah", "Putri", "Ayu", "Fitri", "Dian", "Rini", "Sari", "Kartika", "Wulan", "Intan",
            "Nurul", "Ratih", "Endang", "Tuti", "Yanti", "Lina", "Maya", "Mega", "Novi", "Puspita",
            "Rahayu", "Sinta", "Tari", "Utami", "Vina", "Widya", "Yulia", "Zahra", "Aisyah", "Annisa",
            "Bunga", "Citra", "Desi", "Eka", "Fatimah", "Gita", "Hana", "Ika", "Juwita", "Kurnia",
            "Lia", "Melati", "Nadia", "Oktaviani", "Permata", "Rosa", "Susanti", "Tika", "Umi",
            "Wahyuni", "Yohana", "Ningsih", "Astuti", "Handayani", "Purnama", "Suryani", "Anggraini",
            "Kadek", "Luh", "Nengah", "Dwi", "Tri", "Ni Made", "Ni Putu", "Mariana", "Margaretha",
        ],
        surnames: [
            "Santoso", "Wijaya", "Saputra", "Hidayat", "Setiawan", "Kusuma", "Pratama", "Nugroho",
            "Susanto", "Gunawan", "Halim", "Tanoto", "Salim", "Sitompul", "Siregar", "Nasution",
            "Harahap", "Lubis", "Simanjuntak", "Sinaga", "Pardede", "Situmorang", "Hutapea",
            "Panjaitan", "Simatupang", "Tambunan", "Manurung", "Silalahi", "Sembiring", "Ginting",
            "Tarigan", "Karo", "Lumban", "Wenas", "Lumentut", "Rondonuwu", "Sumampouw", "Mandagi",
            "Pangemanan", "Sulistyo", "Wibowo", "Purnomo", "Suryadi", "Hartono", "Kurniawan",
            "Firmansyah", "Ramadhan", "Syahputra", "Permana", "Suharyanto", "Prasetyo", "Utomo",
            "Handoko", "Sutanto", "Budiman", "Hakim", "Rahman", "Hasibuan", "Daulay", "Pohan",
            "Matondang", "Rangkuti", "Batubara", "Damanik", "Purba", "Saragih", "Napitupulu",
            "Hutagalung", "Pakpahan", "Sihombing", "Marpaung", "Sianturi", "Effendi", "Suparman",
            "Wirawan", "Iskandar", "Hamzah", "Yulianto", "Maulana", "Anwar", "Latief", "Mulyadi",
        ],
        streets: [
            "Sudirman", "Thamrin", "Gatot Subroto", "Diponegoro", "Imam Bonjol", "Ahmad Yani",
            "Pahlawan", "Merdeka", "Veteran", "Pemuda", "Kartini", "Hayam Wuruk", "Gajah Mada",
            "Pattimura", "Teuku Umar", "Cut Nyak Dien", "Sisingamangaraja", "Hasanuddin", "Asia Afrika",
            "Malioboro", "Raya Bogor", "Kebon Jeruk", "Mangga Dua", "Cempaka Putih", "Melati",
            "Mawar", "Kenanga", "Anggrek", "Flamboyan", "Cendana", "Kemang Raya", "Fatmawati",
            "Panglima Polim", "Pramuka", "Juanda", "Wahid Hasyim", "Sultan Agung", "Hos Cokroaminoto",
            "Siliwangi", "Dago", "Braga", "Tunjungan", "Darmo", "Basuki Rahmat", "Gunung Sahari",
        ],
        streetTypes: ["Jalan", "Gang", "Jalan Raya", "Komplek"],
        cities: [
            CityEntry(
                name: "Jakarta Pusat", region: "DKI Jakarta", postcodes: 10110...10730, areaCode: "21"),
            CityEntry(
                name: "Jakarta Barat", region: "DKI Jakarta", postcodes: 11110...11850, areaCode: "21"),
            CityEntry(
                name: "Jakarta Selatan", region: "DKI Jakarta", postcodes: 12110...12950, areaCode: "21"),
            CityEntry(
                name: "Jakarta Timur", region: "DKI Jakarta", postcodes: 13110...13960, areaCode: "21"),
            CityEntry(
                name: "Jakarta Utara", region: "DKI Jakarta", postcodes: 14110...14470, areaCode: "21"),
            CityEntry(name: "Bandung", region: "Jawa Barat", postcodes: 40111...40295, areaCode: "22"),
            CityEntry(name: "Bogor", region: "Jawa Barat", postcodes: 16111...16169, areaCode: "251"),
            CityEntry(name: "Depok", region: "Jawa Barat", postcodes: 16411...16518, areaCode: "21"),
            CityEntry(name: "Bekasi", region: "Jawa Barat", postcodes: 17111...17159, areaCode: "21"),
            CityEntry(name: "Tangerang", region: "Banten", postcodes: 15111...15148, areaCode: "21"),
            CityEntry(name: "Surabaya", region: "Jawa Timur", postcodes: 60111...60299, areaCode: "31"),
            CityEntry(name: "Malang", region: "Jawa Timur", postcodes: 65111...65149, areaCode: "341"),
            CityEntry(name: "Semarang", region: "Jawa Tengah", postcodes: 50111...50278, areaCode: "24"),
            CityEntry(
                name: "Surakarta", region: "Jawa Tengah", postcodes: 57111...57163, areaCode: "271"),
            CityEntry(
                name: "Yogyakarta", region: "DI Yogyakarta", postcodes: 55111...55283, areaCode: "274"),
            CityEntry(name: "Medan", region: "Sumatera Utara", postcodes: 20111...20371, areaCode: "61"),
            CityEntry(
                name: "Palembang", region: "Sumatera Selatan", postcodes: 30111...30267, areaCode: "711"),
            CityEntry(
                name: "Padang", region: "Sumatera Barat", postcodes: 25111...25176, areaCode: "751"),
            CityEntry(name: "Pekanbaru", region: "Riau", postcodes: 28111...28294, areaCode: "761"),
            CityEntry(name: "Batam", region: "Kepulauan Riau", postcodes: 29411...29469, areaCode: "778"),
            CityEntry(name: "Denpasar", region: "Bali", postcodes: 80111...80239, areaCode: "361"),
            CityEntry(
                name: "Makassar", region: "Sulawesi Selatan", postcodes: 90111...90245, areaCode: "411"),
            CityEntry(
                name: "Manado", region: "Sulawesi Utara", postcodes: 95111...95256, areaCode: "431"),
            CityEntry(
                name: "Balikpapan", region: "Kalimantan Timur", postcodes: 76111...76139, areaCode: "542"),
            CityEntry(
                name: "Pontianak", region: "Kalimantan Barat", postcodes: 78111...78244, areaCode: "561"),
            CityEntry(
                name: "Banjarmasin", region: "Kalimantan Selatan", postcodes: 70111...70249, areaCode: "511"
            ),
        ],
        phonePlan: PhonePlan(
            callingCode: "62", trunkPrefix: "0", nationalLengths: 9...12,
            mobilePrefixes: ["811", "812", "813", "821", "822", "852", "853", "857", "878", "896"],
            mobileLength: 11
        ),
        emailDomains: [
            "gmail.com", "yahoo.co.id", "yahoo.com", "outlook.com", "ymail.com", "rocketmail.com",
        ],
        singleNameShare: 0.3
    )
}
