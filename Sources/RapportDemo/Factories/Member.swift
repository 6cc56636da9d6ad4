import RapportCore

/// A person-to-be in a household: name, gender and age, before records are made.
struct Member {
    let given: String
    let family: String?
    let gender: Gender
    let age: Int

    /// A first adult, a partner of about the same age, then grown children (or, in young
    /// households, siblings), all carrying the household's surname in their gender's form.
    static func household(size: Int, surname: String?, kit: CountryKit, _ random: inout DemoRandom)
        -> [Member]
    {
        let persons = kit.persons
        func member(_ gender: Gender, _ age: Int) -> Member {
            Member(
                given: persons.givenName(gender, &random),
                family: surname.map { persons.surname($0, for: gender) },
                gender: gender, age: min(90, max(18, age)))
        }
        let headGender = persons.gender(&random)
        let headAge = persons.headAge(&random)
        var members = [member(headGender, headAge)]
        if size > 1 {
            let partnerGender: Gender =
                random.chance(94) ? (headGender == .female ? .male : .female) : headGender
            members.append(member(partnerGender, headAge + random.int(-6...6)))
        }
        while members.count < size {
            let age = headAge >= 40 ? headAge - random.int(20...36) : random.int(18...(headAge + 4))
            members.append(member(persons.gender(&random), age))
        }
        return members
    }
}
