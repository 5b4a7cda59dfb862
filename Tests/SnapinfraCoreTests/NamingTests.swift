import Testing

@testable import SnapinfraCore

@Suite struct NamingTests {
    /// Strings that must never leak into an identifier.
    static let hostile = [
        "Acme \"Accounts\"", "${jndi:ldap://x}", "%{ for x in y }", "../../etc/passwd", "a`rm -rf`b",
        "evil\u{202E}txt.exe", "tab\there", "new\nline", "🚀🔥", "", "   ", "日本語", "Ｆｕｌｌ Ｗｉｄｔｈ",
        "\"}\nresource \"aws_iam_user\" \"x\" {\n", "DROP TABLE users;--", String(repeating: "very-long-name-", count: 20),
    ]

    static func assertSafe(_ name: String, _ input: String) {
        #expect(!name.isEmpty, "empty for \(DisplayText.quoted(input))")
        for forbidden in ["\"", "'", "`", "${", "%{", "/", "..", "\\"] {
            #expect(!name.contains(forbidden), "\(name) holds \(forbidden)")
        }
        #expect(name.unicodeScalars.allSatisfy { $0.isASCII && !$0.properties.isWhitespace && !DisplayText.isUnsafe($0) }, "\(name)")
    }

    @Test(arguments: hostile)
    func everyIdentifierIsSafeAndNonEmpty(input: String) {
        Self.assertSafe(Naming.terraformIdentifier(input), input)
        Self.assertSafe(Naming.composeService(input), input)
        Self.assertSafe(Naming.fileName(input, extension: "yaml"), input)
        Self.assertSafe(Naming.environmentVariable(input), input)
        for kind in AWSNameKind.allCases {
            let name = Naming.awsName(input, "db", kind: kind)
            Self.assertSafe(name, input)
            #expect(name.count <= kind.maxLength && name.count >= kind.minLength, "\(name) for \(kind)")
            #expect(!name.contains("--") && !name.hasSuffix("-") && name.first?.isLetter == true, "\(name)")
            #expect(name == name.lowercased())
        }
    }

    @Test func terraformNamesAreSnakeCase() {
        #expect(Naming.terraformIdentifier("Acme Accounts") == "acme_accounts")
        #expect(Naming.terraformIdentifier("myAPIServer2") == "my_apiserver2")
        #expect(Naming.terraformIdentifier("order-items") == "order_items")
        #expect(Naming.terraformIdentifier("2fast") == "p_2fast")
        #expect(Naming.terraformIdentifier("Café Crème") == "cafe_creme")
        #expect(Naming.terraformIdentifier("Ｆｕｌｌ") == "full")
    }

    @Test func emptyResultsBecomeAStableHash() {
        let a = Naming.terraformIdentifier("🚀🔥")
        #expect(a == Naming.terraformIdentifier("🚀🔥"))
        #expect(a != Naming.terraformIdentifier("🔥🚀"))
        #expect(a.hasPrefix("p_") && a.count == 8)
        #expect(Naming.slug("日本語").hasPrefix("p-"))
        #expect(Naming.shortHash("abc") == Naming.shortHash("abc"))
    }

    @Test func awsNamesKeepTheSuffixAndStayUnique() {
        #expect(Naming.awsName("Harbour Shop", "db", kind: .rdsIdentifier) == "harbour-shop-db")
        let long = String(repeating: "very long project name ", count: 5)
        let alb = Naming.awsName(long, "alb", kind: .loadBalancer)
        #expect(alb.count <= 32 && alb.hasSuffix("-alb"))
        let other = Naming.awsName(long + "x", "alb", kind: .loadBalancer)
        #expect(alb != other)
        #expect(Naming.awsName("a", kind: .s3Bucket).count >= 3)
    }

    @Test func composeAndFileNames() {
        #expect(Naming.composeService("Order Worker") == "order-worker")
        #expect(Naming.fileName("../../My Notes", extension: "md") == "my-notes.md")
        #expect(Naming.environmentVariable("database url") == "DATABASE_URL")
    }
}

@Suite struct DisplayTextTests {
    @Test func escapesControlAndBidiCharacters() {
        #expect(DisplayText.escape("a\u{1B}[31mb\u{202E}c\u{7F}") == "a\\u{1B}[31mb\\u{202E}c\\u{7F}")
        #expect(DisplayText.quoted("say \"hi\"") == "\"say \\\"hi\\\"\"")
        #expect(DisplayText.escape(String(repeating: "x", count: 100), limit: 5) == "xxxxx…")
        #expect(!DisplayText.containsUnsafe("日本語 café"))
    }

    @Test func suggestionsFindTyposAndPlurals() {
        #expect(Suggestion.closest(to: "gpdr", in: ["gdpr", "hipaa"]) == "gdpr")
        #expect(Suggestion.closest(to: "org", in: ["orgs", "users"]) == "orgs")
        #expect(Suggestion.closest(to: "zzzz", in: ["orgs", "users"]) == nil)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    }
}
