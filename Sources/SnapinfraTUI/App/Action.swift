/// Everything a key can do.
public enum Action: String, Sendable, Hashable, CaseIterable {
    case quit, help, nextScreen, previousScreen
    case moveUp, moveDown, pageUp, pageDown, halfPageUp, halfPageDown, top, bottom
    /// `1`–`4`: straight to a review screen.
    case showDesign, showFiles, showEnhancements, showWrite
    case open, back
    case focusList, focusPreview
    /// → and ← on the Files screen: into the preview and across its long lines, and back.
    case panRight, panLeft
    case cycleScale, cycleEnvironment, cycleRegion, moreTraffic, lessTraffic
    /// Enter and Esc while a what-if scenario is open.
    case keepScenario, dropScenario
    /// `f` on the Design screen: the cheapest design that fits the budget, as a scenario.
    case fitBudget
    case search, nextMatch, previousMatch
    case editFolder, write, confirmOverwrite, writeReport
    /// m, t, b on the Write screen: settle a conflict with a hand edit.
    case keepMine, takeNew, keepBoth
    case toggle, applySafe, undo, detailUp, detailDown
    case editProject, saveAs, deleteDraft

    /// Actions that change the design or write it; they wait while work is under way.
    var changesDesign: Bool {
        switch self {
        case .cycleScale, .cycleEnvironment, .cycleRegion, .moreTraffic, .lessTraffic, .fitBudget, .toggle, .applySafe, .undo, .write,
            .confirmOverwrite,
            .open, .editProject:
            return true
        default:
            return false
        }
    }
}

/// A key binding: the keys, the action, and the words the hint bar and help overlay show.
public struct KeyBinding: Sendable, Hashable {
    public var keys: [Key]
    public var action: Action
    public var description: String
    /// Shown in the one-line hint bar (most important first); the rest only in `?` help.
    public var inHintBar: Bool

    public init(_ keys: [Key], _ action: Action, _ description: String, hint: Bool = false) {
        self.keys = keys
        self.action = action
        self.description = description
        inHintBar = hint
    }
}

/// The bindings of each screen, as data: hints and help are generated from them.
public enum KeyBindings {
    static let global: [KeyBinding] = [
        KeyBinding([.tab, .character("]")], .nextScreen, "next screen", hint: true),
        KeyBinding([.character("p")], .editProject, "edit the project", hint: true),
        KeyBinding([.control("o")], .saveAs, "save the project as a file"),
        KeyBinding([.backTab, .character("[")], .previousScreen, "previous screen"),
        KeyBinding([.character("1")], .showDesign, "the Design screen"),
        KeyBinding([.character("2")], .showFiles, "the Files screen"),
        KeyBinding([.character("3")], .showEnhancements, "the Enhance screen"),
        KeyBinding([.character("4")], .showWrite, "the Write screen"),
        KeyBinding([.character("?")], .help, "help", hint: true),
        KeyBinding([.character("q")], .quit, "quit", hint: true),
    ]

    /// `/`, `n` and `N`: on every list and text pane.
    static let searching: [KeyBinding] = [
        KeyBinding([.character("/")], .search, "search"),
        KeyBinding([.character("n")], .nextMatch, "next match"),
        KeyBinding([.character("N")], .previousMatch, "previous match"),
    ]

    static let scrolling: [KeyBinding] = [
        KeyBinding([.up, .character("k")], .moveUp, "up"),
        KeyBinding([.down, .character("j")], .moveDown, "down", hint: true),
        KeyBinding([.pageUp, .character("u")], .pageUp, "page up"),
        KeyBinding([.pageDown, .character("d"), .character(" ")], .pageDown, "page down"),
        KeyBinding([.control("u")], .halfPageUp, "half a page up"),
        KeyBinding([.control("d")], .halfPageDown, "half a page down"),
        KeyBinding([.home, .character("g")], .top, "top"),
        KeyBinding([.end, .character("G")], .bottom, "bottom"),
    ]

    public static func bindings(for screen: Screen) -> [KeyBinding] {
        switch screen {
        case .start:
            return [
                KeyBinding([.up, .character("k")], .moveUp, "up"),
                KeyBinding([.down, .character("j")], .moveDown, "down", hint: true),
                KeyBinding([.home, .character("g")], .top, "first line"),
                KeyBinding([.end, .character("G")], .bottom, "last line"),
                KeyBinding([.enter], .open, "open", hint: true),
                KeyBinding([.character("x"), .delete], .deleteDraft, "forget the selected draft"),
            ] + searching + [
                KeyBinding([.character("?")], .help, "help", hint: true),
                KeyBinding([.character("q")], .quit, "quit", hint: true),
            ]
        case .design:
            // Shown first while a what-if is open, and only then (`AppState.offers`).
            let scenario = [
                KeyBinding([.enter], .keepScenario, "keep the what-if", hint: true),
                KeyBinding([.escape], .dropScenario, "drop the what-if", hint: true),
                KeyBinding([.character("f")], .fitBudget, "fit to budget", hint: true),
            ]
            return scenario + scrolling + [
                KeyBinding([.character("s")], .cycleScale, "what if: next scale", hint: true),
                KeyBinding([.character("e")], .cycleEnvironment, "what if: next environment", hint: true),
                KeyBinding([.character("r")], .cycleRegion, "what if: next region", hint: true),
                KeyBinding([.character("+")], .moreTraffic, "what if: twice the traffic", hint: true),
                KeyBinding([.character("-")], .lessTraffic, "what if: half the traffic"),
            ] + searching + global
        case .files:
            return scrolling + [
                KeyBinding([.enter], .focusPreview, "preview the file", hint: true),
                KeyBinding([.right, .character("l")], .panRight, "preview the file, then scroll right"),
                KeyBinding([.left, .character("h")], .panLeft, "scroll left, then back to the list"),
                KeyBinding([.escape], .focusList, "back to the list"),
                KeyBinding([.character("/")], .search, "search the preview", hint: true),
                KeyBinding([.character("n")], .nextMatch, "next match"),
                KeyBinding([.character("N")], .previousMatch, "previous match"),
            ] + global
        case .enhancements:
            return [
                KeyBinding([.up, .character("k")], .moveUp, "previous suggestion"),
                KeyBinding([.down, .character("j")], .moveDown, "next suggestion", hint: true),
                KeyBinding([.character(" ")], .toggle, "apply or remove", hint: true),
                KeyBinding([.character("a")], .applySafe, "apply every safe suggestion", hint: true),
                KeyBinding([.enter, .right, .character("l")], .focusPreview, "focus the detail (j/k then scroll it)"),
                KeyBinding([.escape, .left, .character("h")], .focusList, "back to the list"),
                KeyBinding([.home, .character("g")], .top, "first suggestion"),
                KeyBinding([.end, .character("G")], .bottom, "last suggestion"),
                // Undo has a key of its own: `u` is page up on every screen, here the detail's.
                KeyBinding([.character("U")], .undo, "undo the last change", hint: true),
                KeyBinding([.pageDown, .character("d"), .control("d")], .detailDown, "scroll the detail down"),
                KeyBinding([.pageUp, .character("u"), .control("u")], .detailUp, "scroll the detail up"),
            ] + searching + global
        case .wizard:
            // Shown in the hint bar and help; the wizard reads its keys itself (see WizardUpdate).
            return [
                KeyBinding([.down, .tab], .moveDown, "next row", hint: true),
                KeyBinding([.up, .backTab], .moveUp, "previous row"),
                KeyBinding([.enter], .open, "open/next", hint: true),
                KeyBinding([.escape], .back, "back", hint: true),
                KeyBinding([.character("x"), .delete], .undo, "remove a row", hint: true),
                KeyBinding([.left, .right, .character(" ")], .toggle, "change", hint: true),
                KeyBinding([.control("o")], .saveAs, "save as a file", hint: true),
                KeyBinding([.control("x")], .quit, "quit", hint: true),
                KeyBinding([.f1, .character("?")], .help, "help", hint: true),
            ]
        case .write:
            // The conflict keys come first while a conflict is open, and only then (`AppState.offers`).
            return [
                KeyBinding([.character("m")], .keepMine, "keep yours", hint: true),
                KeyBinding([.character("t")], .takeNew, "take new", hint: true),
                KeyBinding([.character("b")], .keepBoth, "keep both", hint: true),
                KeyBinding([.character("o")], .editFolder, "change the output folder", hint: true),
                KeyBinding([.character("w")], .write, "write the files", hint: true),
                KeyBinding([.character("W")], .confirmOverwrite, "write, overwriting files changed by hand"),
                KeyBinding([.pageDown, .character("d"), .control("d")], .detailDown, "scroll the diff down"),
                KeyBinding([.pageUp, .character("u"), .control("u")], .detailUp, "scroll the diff up"),
                KeyBinding([.character("R")], .writeReport, "write REVIEW.md, the report for a pull request", hint: true),
            ] + scrolling + searching + global
        }
    }

    public static func action(for key: Key, on screen: Screen) -> Action? {
        bindings(for: screen).first { $0.keys.contains(key) }?.action
    }
}
