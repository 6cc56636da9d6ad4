import Hummingbird
import RapportCore

/// `/admin`: the index of the administration pages the signed-in user may open, one card each
/// with what it is for. Any administration permission opens it; a role without one is refused
/// like on every other page.
struct AdministrationPage {
    let views: WebViews

    struct Model {
        let chrome: PageChrome
        let sections: [Section]
        struct Section { let label: String; let href: String; let summary: String }
    }

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("admin") { _, context -> Response in
            let actor = try context.actor()
            let sections = PageChrome.sections.compactMap { section -> Model.Section? in
                guard let summary = section.administration, actor.can(section.permission) else { return nil }
                return Model.Section(label: section.label, href: section.href, summary: summary)
            }
            guard !sections.isEmpty else {
                throw DomainError.forbidden("Your role (\(actor.role.label)) has no administration pages.")
            }
            let chrome = PageChrome(title: "Administration", active: PageChrome.administrationHref, context: context)
            return views.page("administration", Model(chrome: chrome, sections: sections))
        }
    }
}
