/// The enhancements Snapinfra can suggest, each a typed transformation of the design.
enum EnhancementCatalog {
    static let all: [EnhancementRule] = security + monitoring + performance + reliability + cost

    static func rule(_ id: String) -> EnhancementRule? {
        all.first { $0.id == id }
    }
}
