/// One token of rule text, with where it starts.
struct SegmentToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// An identifier or keyword; `quoted` when written in backticks (never a keyword).
        case word(String, quoted: Bool)
        case string(String)
        case number(Double)
        case date(SegmentDate)
        /// `(`, `)`, `,`, `=`, `!=`, `<`, `<=`, `>`, `>=`.
        case symbol(String)
        case end
    }

    var kind: Kind
    var position: SourcePosition

    /// The keyword this token spells (lower-cased), or nil.
    var keyword: String? {
        if case .word(let w, quoted: false) = kind { return w.lowercased() }
        return nil
    }

    /// The token as a person would quote it in a message.
    var shown: String {
        switch kind {
        case .word(let w, let quoted): quoted ? "`\(w)`" : "'\(w)'"
        case .string(let s): SegmentLiteral.quoted(s)
        case .number(let n): SegmentLiteral.numberText(n)
        case .date(let d): d.description
        case .symbol(let s): "'\(s)'"
        case .end: "the end of the rule"
        }
    }
}

/// Splits rule text into tokens. Hand-written: it knows the mistakes people make coming
/// from SQL or programming languages (`==`, `&&`, `'single quotes'`) and names the fix.
struct SegmentRuleLexer {
    /// Words with a meaning in the rule language; a field with such a name is written in backticks.
    static let keywords: Set<String> = [
        "and", "or", "not", "in", "segment", "contains", "any", "all", "between", "is", "empty",
        "true", "false", "today", "ago",
    ]

    static func isIdentifierCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "."
    }

    private let characters: [Character]
    private var index = 0
    private var line = 1
    private var column = 1

    init(_ text: String) { characters = Array(text) }

    /// Every token of the text, ending with `.end`.
    static func tokens(_ text: String) throws(SegmentRuleError) -> [SegmentToken] {
        var lexer = SegmentRuleLexer(text)
        var tokens: [SegmentToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var here: SourcePosition { SourcePosition(line: line, column: column, offset: index) }
    private var current: Character? { index < characters.count ? characters[index] : nil }
    private func peek(_ ahead: Int = 1) -> Character? {
        index + ahead < characters.count ? characters[index + ahead] : nil
    }

    private mutating func advance() {
        if characters[index] == "\n" || characters[index] == "\r\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func next() throws(SegmentRuleError) -> SegmentToken {
        while let c = current, c.isWhitespace { advance() }
        let start = here
        guard let c = current else { return SegmentToken(kind: .end, position: start) }
        func error(_ message: String) -> SegmentRuleError { SegmentRuleError(.syntax, message, position: start) }

        if c == "\"" { return SegmentToken(kind: .string(try string(start)), position: start) }
        if c == "`" { return SegmentToken(kind: .word(try backticked(start), quoted: true), position: start) }
        if c.isASCII && c.isNumber || c == "-" && peek()?.isASCII == true && peek()?.isNumber == true {
            return SegmentToken(kind: try number(start), position: start)
        }
        if c.isLetter || c == "_" {
            var word = ""
            while let d = current, Self.isIdentifierCharacter(d) {
                word.append(d)
                advance()
            }
            return SegmentToken(kind: .word(word, quoted: false), position: start)
        }
        switch (c, peek()) {
        case ("=", "="): throw error("'==' is written '=' in a segment rule.")
        case ("!", "="), ("<", "="), (">", "="):
            advance()
            advance()
            return SegmentToken(kind: .symbol(String(c) + "="), position: start)
        case ("<", ">"): throw error("'<>' is written '!=' in a segment rule.")
        case ("&", "&"): throw error("'&&' is written 'and' in a segment rule.")
        case ("|", "|"): throw error("'||' is written 'or' in a segment rule.")
        case ("!", _): throw error("'!' is written 'not' in a segment rule.")
        case ("'", _), ("\u{201C}", _), ("\u{201E}", _):
            throw error("Text values take straight double quotes: \"like this\".")
        case ("(", _), (")", _), (",", _), ("=", _), ("<", _), (">", _):
            advance()
            return SegmentToken(kind: .symbol(String(c)), position: start)
        default:
            throw error("Unexpected character '\(c)'. Compare with =, !=, <, <=, >, >=; join with and, or, not.")
        }
    }

    private mutating func string(_ start: SourcePosition) throws(SegmentRuleError) -> String {
        advance()
        var value = ""
        while let c = current {
            let at = here
            advance()
            if c == "\"" { return value }
            guard c == "\\" else {
                value.append(c)
                continue
            }
            guard let escaped = current else { break }
            advance()
            switch escaped {
            case "\"": value.append("\"")
            case "\\": value.append("\\")
            case "n": value.append("\n")
            case "t": value.append("\t")
            case "r": value.append("\r")
            case "u": value.unicodeScalars.append(try unicodeEscape(at))
            default:
                throw SegmentRuleError(
                    .syntax, "Unknown escape '\\\(escaped)'; use \\\", \\\\, \\n, \\t, \\r or \\u{…}.", position: at)
            }
        }
        throw SegmentRuleError(.syntax, "This text value has no closing double quote.", position: start)
    }

    private mutating func unicodeEscape(_ at: SourcePosition) throws(SegmentRuleError) -> Unicode.Scalar {
        let bad = SegmentRuleError(
            .syntax, "Write a Unicode escape as \\u{hex digits}, such as \\u{17C}.", position: at)
        guard current == "{" else { throw bad }
        advance()
        var hex = ""
        while let c = current, c != "}" {
            hex.append(c)
            advance()
        }
        guard current == "}", (1...8).contains(hex.count), let value = UInt32(hex, radix: 16),
            let scalar = Unicode.Scalar(value)
        else { throw bad }
        advance()
        return scalar
    }

    private mutating func backticked(_ start: SourcePosition) throws(SegmentRuleError) -> String {
        advance()
        var name = ""
        while let c = current, c != "`", c != "\n" {
            name.append(c)
            advance()
        }
        guard current == "`", !name.isEmpty else {
            throw SegmentRuleError(.syntax, "A field name in backticks needs a closing backtick.", position: start)
        }
        advance()
        return name
    }

    /// A number (`12`, `-3.5`, `1e-05`) or an ISO date (`2026-01-31`).
    private mutating func number(_ start: SourcePosition) throws(SegmentRuleError) -> SegmentToken.Kind {
        var text = ""
        func digits(_ lexer: inout SegmentRuleLexer, into text: inout String) {
            while let d = lexer.current, d.isASCII, d.isNumber {
                text.append(d)
                lexer.advance()
            }
        }
        if current == "-" {
            text.append("-")
            advance()
        }
        digits(&self, into: &text)
        if text.count == 4, current == "-", peek()?.isNumber == true {
            while let d = current, d.isASCII, d.isNumber || d == "-" {
                text.append(d)
                advance()
            }
            guard let date = SegmentDate(iso: text) else {
                throw SegmentRuleError(
                    .syntax, "'\(text)' is not a date in the calendar; write dates as YYYY-MM-DD.", position: start)
            }
            return .date(date)
        }
        if current == ".", peek()?.isNumber == true {
            text.append(".")
            advance()
            digits(&self, into: &text)
        }
        if current == "e" || current == "E",
            peek()?.isNumber == true || (peek() == "-" || peek() == "+") && peek(2)?.isNumber == true
        {
            text.append("e")
            advance()
            if current == "-" || current == "+" {
                text.append(current!)
                advance()
            }
            digits(&self, into: &text)
        }
        if let c = current, c.isLetter || c == "_" {
            throw SegmentRuleError(
                .syntax, "Put a space after the number \(text), or quote it if it is text: \"\(text)\(c)…\".",
                position: start)
        }
        guard let value = Double(text), value.isFinite else {
            throw SegmentRuleError(.syntax, "'\(text)' is not a number.", position: start)
        }
        return .number(value)
    }
}
