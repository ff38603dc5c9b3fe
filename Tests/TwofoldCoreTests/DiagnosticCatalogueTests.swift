import Foundation
import Testing
@testable import TwofoldCore
import TwofoldTestSupport

/// Codes about the file as a whole rather than one value in it: they have no JSON path.
private let wholeFileCodes: Set<DiagnosticCode> = [.emptyFile, .tooLarge]

/// The size limit the `too-large` fixture is loaded with: far below its real size.
private let loweredFileSizeLimit = 256

/// The exploration limit the `state-space-large` fixture is checked with.
private let loweredStateLimit = 2_000

/// Loads and lints `Tests/Fixtures/diagnostics/<code>.json`, the way its code needs.
private func lintFixture(_ code: DiagnosticCode) throws -> LintResult {
    let name = "\(code.rawValue).json"
    let data = try Data(contentsOf: fixtureURL("diagnostics/\(name)"))
    switch code {
    case .tooLarge:
        return Linter.lint(ScenarioLoader.decode(data, file: name, maxFileSize: loweredFileSizeLimit))
    case .stateSpaceLarge:
        // The fixture's counter grows without bound; a lower limit reaches the same warning sooner.
        return lint(ScenarioLoader.decode(data, file: name), stateLimit: loweredStateLimit)
    case .endingWithoutKind:
        // A finding only a strict check asks for.
        return Linter.lint(ScenarioLoader.decode(data, file: name), strict: true)
    default:
        return ScenarioLoader.load(data, file: name)
    }
}

/// Every code in the catalogue has a fixture that triggers it, and each fixture is
/// otherwise valid: it triggers its own code and nothing else.
@Suite struct DiagnosticCatalogueTests {
    @Test(arguments: DiagnosticCode.allCases)
    func fixtureTriggersItsCode(_ code: DiagnosticCode) throws {
        let result = try lintFixture(code)
        let found = result.diagnostics(code)
        #expect(!found.isEmpty, "\(code.rawValue).json reported:\n\(result.listing)")
        #expect(Set(result.codes) == [code], "\(code.rawValue).json reported more than its code:\n\(result.listing)")
        for diagnostic in found {
            #expect(diagnostic.file == "\(code.rawValue).json")
            #expect(diagnostic.severity == code.severity)
            #expect(diagnostic.location.line >= 1)
            #expect(diagnostic.location.column >= 1)
            #expect(!diagnostic.message.isEmpty)
            if !wholeFileCodes.contains(code) {
                #expect(!diagnostic.path.isEmpty, "\(code.rawValue) has no JSON path: \(diagnostic.formatted)")
            }
        }
    }

    @Test func tooLargeFixtureIsAnOrdinaryScenario() throws {
        let data = try Data(contentsOf: fixtureURL("diagnostics/too-large.json"))
        #expect(data.count > loweredFileSizeLimit)
        let result = ScenarioLoader.load(data, file: "too-large.json")
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        #expect(result.playable != nil)
    }

    @Test func invalidUTF8FixtureHoldsARawInvalidByte() throws {
        let data = try Data(contentsOf: fixtureURL("diagnostics/invalid-utf8.json"))
        #expect(String(data: data, encoding: .utf8) == nil)
    }

    @Test func everyFixtureNamesARealCode() throws {
        let folder = fixtureURL("diagnostics")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let codes = Set(DiagnosticCode.allCases.map(\.rawValue))
        let orphans = names.filter { name in
            !(name.hasSuffix(".json") && codes.contains(String(name.dropLast(".json".count))))
        }
        #expect(orphans.isEmpty, "fixtures that name no code: \(orphans)")
        #expect(names.count == DiagnosticCode.allCases.count)
    }

    @Test func everyCodeHasASummaryAndIsDocumented() throws {
        let guide = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/scenario-format.md"), encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(!code.summary.trimmingCharacters(in: .whitespaces).isEmpty, "\(code.rawValue) has no summary")
            #expect(guide.contains("`\(code.rawValue)`"), "docs/scenario-format.md does not mention \(code.rawValue)")
        }
    }

    @Test func codesAreUniqueAndWellFormed() {
        let raw = DiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(raw).count == raw.count)
        for code in raw {
            #expect(code.allSatisfy { $0 == "-" || ($0.isASCII && ($0.isLowercase || $0.isNumber)) }, "\(code)")
        }
    }

    @Test func warningsAreExactlyTheDocumentedOnes() {
        let warnings = Set(DiagnosticCode.allCases.filter { $0.severity == .warning })
        #expect(warnings == [.unreachableScene, .identicalScores, .noReflection, .unusedState, .stateSpaceLarge, .endingWithoutKind])
    }

    /// The rules, together with the loader, can emit every code in the catalogue.
    @Test func ruleRegistryCoversTheGraphCodes() {
        let ruleCodes = Set(RuleRegistry.all.flatMap { type(of: $0).codes })
        let graphCodes: Set<DiagnosticCode> = [
            .missingStart, .danglingNext, .duplicateID, .noChoices, .choicesAndEnding, .noChoicesOrEnding,
            .trap, .scoringCycle, .undeclaredState, .noChoiceOffered, .unknownAxis, .outcomesAndChoices, .routerChain,
            .endingProfileMismatch, .unreachableScene, .identicalScores, .noReflection, .unusedState, .stateSpaceLarge,
            .endingWithoutKind,
        ]
        #expect(graphCodes.isSubset(of: ruleCodes), "no rule emits \(graphCodes.subtracting(ruleCodes))")
        #expect(ruleCodes.isSubset(of: Set(DiagnosticCode.allCases)))
    }
}
