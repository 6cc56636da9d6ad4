/// Reference lists for Poland, with correct diacritics. Surnames are in their masculine base
/// form; `LocaleCatalog.surname(_:female:)` gives the feminine form (Kowalski → Kowalska).
/// Cities carry their real postcode ranges (as integers, `00-950` is `950`) and area codes.
extension LocaleCatalog {
    static let poland = LocaleCatalog(
        country: .pl,
        maleGivenNames: [
            "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Jan", "Michał", "Marcin", "Stanisław",
            "Jakub", "Adam", "Marek", "Łukasz", "Grzegorz", "Mateusz", "Wojciech", "Mariusz", "Dariusz",
            "Zbigniew", "Jerzy", "Maciej", "Rafał", "Robert", "Kamil", "Józef", "Janusz", "Jacek",
            "Tadeusz", "Kacper", "Sławomir", "Szymon", "Ryszard", "Dawid", "Bartosz", "Przemysław",
            "Sebastian", "Daniel", "Patryk", "Mirosław", "Henryk", "Artur", "Roman", "Waldemar",
            "Leszek", "Filip", "Dominik", "Damian", "Radosław", "Zdzisław", "Bogdan", "Kazimierz",
            "Hubert", "Wiktor", "Igor", "Oskar", "Antoni", "Franciszek", "Aleksander", "Bartłomiej",
            "Witold", "Zenon", "Czesław", "Bolesław", "Mieczysław", "Wiesław", "Włodzimierz", "Jarosław",
            "Adrian", "Konrad", "Karol", "Norbert", "Arkadiusz", "Ireneusz", "Eugeniusz", "Lech",
        ],
        femaleGivenNames: [
            "Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna",
            "Elżbieta", "Magdalena", "Joanna", "Zofia", "Aleksandra", "Monika", "Teresa", "Danuta",
            "Natalia", "Karolina", "Marta", "Beata", "Dorota", "Halina", "Jadwiga", "Janina", "Irena",
            "Jolanta", "Grażyna", "Iwona", "Alicja", "Paulina", "Justyna", "Bożena", "Urszula",
            "Renata", "Hanna", "Agata", "Sylwia", "Helena", "Patrycja", "Weronika", "Wiesława",
            "Julia", "Zuzanna", "Maja", "Lena", "Oliwia", "Wiktoria", "Emilia", "Gabriela", "Kinga",
            "Dominika", "Łucja", "Żaneta", "Jagoda", "Bogumiła", "Stanisława", "Genowefa", "Mirosława",
            "Lucyna", "Edyta", "Izabela", "Aneta", "Ilona", "Marianna", "Wanda", "Czesława", "Kamila",
            "Amelia", "Antonina", "Ksenia", "Róża", "Bronisława", "Ludmiła", "Małgosia",
        ],
        surnames: [
            "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
            "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur",
            "Wojciechowski", "Kwiatkowski", "Krawczyk", "Kaczmarek", "Piotrowski", "Grabowski",
            "Zając", "Pawłowski", "Michalski", "Król", "Nowakowski", "Wieczorek", "Jabłoński", "Wróbel",
            "Majewski", "Olszewski", "Jaworski", "Stępień", "Malinowski", "Górski", "Dudek", "Adamczyk",
            "Nowicki", "Pawlak", "Sikora", "Witkowski", "Rutkowski", "Walczak", "Baran", "Michalak",
            "Szewczyk", "Ostrowski", "Tomaszewski", "Pietrzak", "Duda", "Zalewski", "Wróblewski",
            "Jasiński", "Marciniak", "Bąk", "Zawadzki", "Sadowski", "Jakubowski", "Włodarczyk",
            "Chmielewski", "Borkowski", "Sokołowski", "Szczepański", "Sawicki", "Lis", "Kucharski",
            "Mazurek", "Kubiak", "Kalinowski", "Wysocki", "Krajewski", "Adamski", "Żółć", "Głowacki",
            "Sobczak", "Czarnecki", "Kołodziej", "Urbański", "Szulc", "Kaczmarczyk", "Ziółkowski",
            "Błaszczyk", "Śliwiński", "Gąsiorowski", "Łukasik", "Żak", "Czerny", "Biały", "Mróz",
            "Kaźmierczak", "Cieślak", "Grzelak", "Przybylski", "Kurek", "Sowa", "Zięba", "Łuczak",
            "Ryba", "Ślusarczyk", "Wilk", "Jóźwiak", "Fijałkowski", "Chojnacki", "Brzeziński",
        ],
        streets: [
            "Kwiatowa", "Polna", "Leśna", "Słoneczna", "Krótka", "Szkolna", "Ogrodowa", "Lipowa",
            "Łąkowa", "Brzozowa", "Kościuszki", "Mickiewicza", "Sienkiewicza", "Słowackiego",
            "Marszałkowska", "Piłsudskiego", "Jana Pawła II", "Kolejowa", "Długa", "Zielona",
            "Wrzosowa", "Parkowa", "Spacerowa", "Różana", "Źródlana", "Żeromskiego", "Reymonta",
            "Konopnickiej", "Chopina", "Kopernika", "Grunwaldzka", "Świętokrzyska", "Wojska Polskiego",
            "Niepodległości", "Solidarności", "Jagiellońska", "Dworcowa", "Rynek", "Ogrodników",
            "Piastowska", "Warszawska", "Krakowska", "Poznańska", "Gdańska", "Lubelska", "Wiejska",
        ],
        streetTypes: ["ulica", "aleja", "plac", "osiedle"],
        cities: [
            CityEntry(name: "Warszawa", region: "mazowieckie", postcodes: 1...4999, areaCode: "22"),
            CityEntry(name: "Kraków", region: "małopolskie", postcodes: 30001...31999, areaCode: "12"),
            CityEntry(name: "Łódź", region: "łódzkie", postcodes: 90001...94999, areaCode: "42"),
            CityEntry(name: "Wrocław", region: "dolnośląskie", postcodes: 50001...54999, areaCode: "71"),
            CityEntry(name: "Poznań", region: "wielkopolskie", postcodes: 60001...61999, areaCode: "61"),
            CityEntry(name: "Gdańsk", region: "pomorskie", postcodes: 80001...80999, areaCode: "58"),
            CityEntry(name: "Gdynia", region: "pomorskie", postcodes: 81001...81601, areaCode: "58"),
            CityEntry(name: "Sopot", region: "pomorskie", postcodes: 81701...81880, areaCode: "58"),
            CityEntry(
                name: "Szczecin", region: "zachodniopomorskie", postcodes: 70001...71999, areaCode: "91"),
            CityEntry(
                name: "Koszalin", region: "zachodniopomorskie", postcodes: 75001...75999, areaCode: "94"),
            CityEntry(
                name: "Bydgoszcz", region: "kujawsko-pomorskie", postcodes: 85001...85999, areaCode: "52"),
            CityEntry(
                name: "Toruń", region: "kujawsko-pomorskie", postcodes: 87100...87199, areaCode: "56"),
            CityEntry(name: "Lublin", region: "lubelskie", postcodes: 20001...20999, areaCode: "81"),
            CityEntry(name: "Białystok", region: "podlaskie", postcodes: 15001...15999, areaCode: "85"),
            CityEntry(name: "Katowice", region: "śląskie", postcodes: 40001...40999, areaCode: "32"),
            CityEntry(name: "Gliwice", region: "śląskie", postcodes: 44100...44199, areaCode: "32"),
            CityEntry(name: "Częstochowa", region: "śląskie", postcodes: 42200...42299, areaCode: "34"),
            CityEntry(name: "Radom", region: "mazowieckie", postcodes: 26600...26699, areaCode: "48"),
            CityEntry(name: "Płock", region: "mazowieckie", postcodes: 9400...9499, areaCode: "24"),
            CityEntry(name: "Kielce", region: "świętokrzyskie", postcodes: 25001...25999, areaCode: "41"),
            CityEntry(name: "Rzeszów", region: "podkarpackie", postcodes: 35001...35999, areaCode: "17"),
            CityEntry(
                name: "Olsztyn", region: "warmińsko-mazurskie", postcodes: 10001...10999, areaCode: "89"),
            CityEntry(
                name: "Elbląg", region: "warmińsko-mazurskie", postcodes: 82300...82399, areaCode: "55"),
            CityEntry(name: "Opole", region: "opolskie", postcodes: 45001...45999, areaCode: "77"),
            CityEntry(name: "Zielona Góra", region: "lubuskie", postcodes: 65001...65999, areaCode: "68"),
            CityEntry(name: "Tarnów", region: "małopolskie", postcodes: 33100...33199, areaCode: "14"),
            CityEntry(name: "Zakopane", region: "małopolskie", postcodes: 34500...34509, areaCode: "18"),
        ],
        phonePlan: PhonePlan(
            callingCode: "48", trunkPrefix: nil, nationalLengths: 9...9,
            mobilePrefixes: ["50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88"],
            mobileLength: 9
        ),
        emailDomains: ["gmail.com", "wp.pl", "o2.pl", "onet.pl", "interia.pl", "op.pl", "poczta.fm"],
        singleNameShare: 0
    )
}
