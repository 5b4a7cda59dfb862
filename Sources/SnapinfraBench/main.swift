import Foundation
import SnapinfraCore
import SnapinfraFiles
import SnapinfraImport
import SnapinfraTUI

// Benchmarks for the design phase. Run from the repository root:
//   swift run -c release snapinfra-bench
//   swift run -c release snapinfra-bench --process     (whole-process rows only)
//   swift run -c release snapinfra-bench --in-process  (in-process rows only)
//   swift run -c release snapinfra-bench --serve       (the HTTP API under load only)
// Prints the median and the best of N runs per case; targets are in README.md.

//   swift run -c release snapinfra-bench --synthetic FILE  (writes the 300-table project and exits)

if let flag = CommandLine.arguments.firstIndex(of: "--synthetic"), CommandLine.arguments.count > flag + 1 {
    let path = CommandLine.arguments[flag + 1]
    guard FileManager.default.createFile(atPath: path, contents: try? JSONEncoder().encode(SyntheticProject.make())) else {
        print("cannot write \(path)")
        exit(1)
    }
    exit(0)
}
let arguments = Set(CommandLine.arguments.dropFirst())
let serveOnly = arguments.contains("--serve")
let inProcess = !arguments.contains("--process") && !serveOnly
let wholeProcess = !arguments.contains("--in-process") && !serveOnly

func measure(_ label: String, runs: Int, _ body: () -> Void) {
    var samples: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let padded = label.count < 48 ? label + String(repeating: " ", count: 48 - label.count) : label
    print(padded + String(format: " median %8.3f ms   best %8.3f ms   (%d runs)", median, samples[0], runs))
}

let examples = (try? FileManager.default.contentsOfDirectory(atPath: "examples"))?.sorted() ?? []
if examples.isEmpty { print("note: run from the repository root to include examples/") }
if wholeProcess { ProcessRows.run() }
if wholeProcess || serveOnly { ServeRows.run() }
if inProcess { inProcessRows() }

func inProcessRows() {
    print("design + estimate (analysis, rules, validation, cost, budget)")
    for name in examples {
        guard let data = FileManager.default.contents(atPath: "examples/\(name)"),
            let file = ProjectLoader().load([UInt8](data), format: DocumentFormat.forFileName(name)).file
        else { continue }
        measure(name, runs: 200) { _ = DesignEngine().run(file) }
        let result = DesignEngine().run(file)
        measure("  render + validate \(name)", runs: 100) {
            let files = (try? Renderer().render(result, targets: [.terraform, .dockerCompose])) ?? []
            _ = OutputValidator().validate(files)
        }
        measure("  load + validate \(name)", runs: 200) { _ = ProjectLoader().load([UInt8](data), format: DocumentFormat.forFileName(name)) }
        measure("  security score \(name)", runs: 100) { _ = try? SecurityScore(result: result) }
        measure("  suggestions (cost + score each) \(name)", runs: 20) { _ = EnhancementEngine().suggestions(for: result, file: file) }
    }
    let fixtures = (try? FileManager.default.contentsOfDirectory(atPath: "Tests/Fixtures/architect"))?.sorted() ?? []
    print("design + estimate, architect fixtures")
    for name in fixtures {
        guard let data = FileManager.default.contents(atPath: "Tests/Fixtures/architect/\(name)"),
            let file = ProjectLoader().load([UInt8](data), format: DocumentFormat.forFileName(name)).file
        else { continue }
        measure("  \(name)", runs: 100) { _ = DesignEngine().run(file) }
    }
    let big = SyntheticProject.make()
    let rideEvents = FileManager.default.contents(atPath: "examples/ride-events.yaml").flatMap {
        ProjectLoader().load([UInt8]($0), format: .yaml).file
    }
    measure("synthetic 300 tables / 1,500 endpoints", runs: 50) { _ = DesignEngine().run(big) }
    let bigResult = DesignEngine().run(big)
    measure("  render + validate synthetic", runs: 20) {
        let files = (try? Renderer().render(bigResult, targets: [.terraform, .dockerCompose])) ?? []
        _ = OutputValidator().validate(files)
    }
    // The Kubernetes target alone: the Kustomize base and three overlays, rendered and checked.
    var bigKubernetes = big
    bigKubernetes.options.targets = [.terraform, .kubernetes]
    let kubernetesResult = DesignEngine().run(bigKubernetes)
    measure("  render + validate the Kubernetes manifests, synthetic (target ≤ 30 ms)", runs: 50) {
        let files = (try? Renderer().kubernetesFiles(kubernetesResult.design, header: "bench")) ?? []
        _ = OutputValidator().validate(files)
    }
    // The Pulumi program alone: its modules, stack files and driver, rendered and checked. A
    // design the program cannot build (or a template error) renders nothing: say so, not a time.
    // The same on the EKS design of the Kubernetes row.
    for (label, result) in [("ECS", bigResult), ("EKS", kubernetesResult)] {
        let pulumiCount: Int
        do { pulumiCount = try Renderer().pulumiFiles(result, header: "bench").count } catch { pulumiCount = 0 }
        if pulumiCount == 0 {
            print("  render + validate the Pulumi program, synthetic, \(label): NOT MEASURED, no program for this design")
        } else {
            measure("  render + validate the Pulumi program, synthetic, \(label), \(pulumiCount) files (target ≤ 30 ms)", runs: 50) {
                let files = (try? Renderer().pulumiFiles(result, header: "bench")) ?? []
                _ = OutputValidator().validate(files)
            }
        }
    }
    let encoded = (try? JSONEncoder().encode(big)) ?? Data()
    measure("  load + validate synthetic (\(encoded.count / 1024) KiB JSON)", runs: 20) { _ = ProjectLoader().load([UInt8](encoded), format: .json) }
    measure("  JSON reader only, synthetic", runs: 20) { _ = try? JSONReader.read([UInt8](encoded)) }
    for tables in [250, 1_000, 2_000] {
        let bad = (try? JSONEncoder().encode(SyntheticProject.badReferences(tables: tables))) ?? Data()
        measure("load + validate, \(tables * 8) bad references (\(bad.count / 1024) KiB)", runs: 5) {
            _ = ProjectLoader().load([UInt8](bad), format: .json)
        }
    }

    // The terminal UI: one key press to the next frame (update + view into the screen buffer; pushing
    // it to ncurses is measured separately by the tmux runs in README.md).
    if let data = FileManager.default.contents(atPath: "examples/ride-events.yaml"),
        let file = ProjectLoader().load([UInt8](data), format: .yaml).file
    {
        for (width, height) in [(80, 24), (200, 60)] {
            var state = AppState(project: file, width: width, height: height)
            measure("tui key → frame, design \(width)x\(height)", runs: 200) {
                state = Update.update(state, .key(.down)).0
                _ = AppView.render(state)
            }
            var files = Update.update(state, .key(.tab)).0
            measure("tui key → frame, files \(width)x\(height)", runs: 200) {
                files = Update.update(files, .key(.down)).0
                _ = AppView.render(files)
            }
            measure("tui what-if key → spinner frame \(width)x\(height)", runs: 20) {
                _ = AppView.render(Update.update(state, .key(.character("r"))).0)
            }
            measure("tui what-if job on the worker \(width)x\(height)", runs: 10) {
                let (busy, effects) = Update.update(state, .key(.character("r")))
                if case .run(let job)? = effects.first { state = Update.update(busy, .finished(job.run())).0 }
                _ = AppView.render(state)
            }
        }
        measure("tui first frame (design + render + view; suggestions follow)", runs: 20) {
            _ = AppView.render(AppState(project: file, width: 80, height: 24, suggestLater: true))
        }
    }

    // The review screens on a 3-table and the 300-table project: the first frame, the first job
    // (suggestions measured), j/k on the Enhance screen (a toggle preview each), and a what-if.
    print("\nterminal UI, key to frame (update + view; a job is timed on its own)")
    for (label, project) in [("ride-events, 3 tables", rideEvents), ("synthetic, 300 tables", big)] {
        guard let project else { continue }
        measure("tui first frame, \(label)", runs: 10) {
            _ = AppView.render(AppState(project: project, width: 100, height: 30, suggestLater: true))
        }
        var state = AppState(project: project, width: 100, height: 30, suggestLater: true)
        let first = Update.update(state, .started)
        measure("tui suggestions ready (the first job), \(label)", runs: 5) {
            if case .run(let job)? = first.1.first { state = Update.update(first.0, .finished(job.run())).0 }
        }
        var review = Update.update(Update.update(state, .key(.tab)).0, .key(.tab)).0
        var asked: PreviewRequest?
        measure("tui j/k on the Enhance screen (the frame), \(label)", runs: 20) {
            let (next, effects) = Update.update(review, .key(.down))
            review = next
            for case .preview(let request) in effects { asked = request }
            _ = AppView.render(review)
        }
        if let asked {
            measure("  its toggle preview on the worker, \(label)", runs: 10) {
                _ = AppView.render(Update.update(review, .previewed(number: asked.number, asked.run())).0)
            }
        }
        measure("tui what-if (next environment) on the worker, \(label)", runs: 5) {
            let (busy, effects) = Update.update(state, .key(.character("e")))
            if case .run(let job)? = effects.first { _ = AppView.render(Update.update(busy, .finished(job.run())).0) }
        }
    }

    // Regeneration over hand edits: every file of an output merged three ways, and a draft saved
    // (fsync of the file and of its folder).
    print("\non-call: merge and drafts")
    if let data = FileManager.default.contents(atPath: "examples/saas-api.json"),
        var file = ProjectLoader().load([UInt8](data), format: .json).file,
        let old = try? Renderer().render(DesignEngine().run(file), targets: file.options.targets)
    {
        file.options.preferences.scale = .growth
        let new = (try? Renderer().render(DesignEngine().run(file), targets: file.options.targets)) ?? []
        let byPath = Dictionary(old.map { ($0.path, $0.content) }, uniquingKeysWith: { a, _ in a })
        measure("merge every file, hand edit in each (\(new.count) files)", runs: 50) {
            for file in new {
                let base = byPath[file.path] ?? ""
                _ = ThreeWayMerge.merge(base: base, mine: "# edited by hand\n" + base, new: file.content)
            }
        }
        let store = DraftStore(folder: FileManager.default.temporaryDirectory.appendingPathComponent("bench-drafts-\(getpid())"))
        var draft = Draft(id: "bench", savedAt: Date(), step: "review", sourcePath: "/bench/saas-api.json", project: file)
        draft.applied = ["vpc-flow-logs", "alb-access-logs"]
        measure("draft save (write, fsync, rename, fsync the folder)", runs: 50) { try? store.save(draft) }
        try? FileManager.default.removeItem(at: store.folder)
    }

    // Import: a 1,000-table DDL file (the target is 200 ms in process).
    let ddl = (0..<1_000).map { index in
        "CREATE TABLE t\(index) (\n  id bigint PRIMARY KEY,\n  name varchar(80) NOT NULL,\n  created_at timestamptz DEFAULT now(),\n"
            + (index > 0 ? "  parent_id bigint REFERENCES t\(index - 1) (id),\n" : "")
            + "  note text\n);\nCREATE INDEX t\(index)_name ON t\(index) (name);\n"
    }.joined()
    print("\nimport")
    measure("import SQL DDL, 1,000 tables (\(ddl.utf8.count / 1024) KiB)", runs: 5) { _ = SQLSchemaReader.read(ddl) }
    // The same with every name quoted, as pg_dump writes mixed-case names.
    let quoted = (0..<1_000).map { index in
        "CREATE TABLE \"T\(index)\" (\"id\" bigint PRIMARY KEY, \"Name\" text, \"ref\" bigint REFERENCES \"T\(max(0, index - 1))\" (\"id\"));\n"
    }.joined()
    measure("import SQL DDL, 1,000 tables, quoted names (\(quoted.utf8.count / 1024) KiB)", runs: 5) { _ = SQLSchemaReader.read(quoted) }
    // An OpenAPI document of 300 entities and 1,500 operations, YAML, through the whole importer
    // (read, OpenAPIKit's decoding, tables, endpoints, validate).
    let paths = (0..<300).map { index in
        """
          /entity\(index):
            get:
              parameters: [{name: limit, in: query, schema: {type: integer, default: 50}}, {name: name, in: query, schema: {type: string}}]
              responses: {'200': {description: list, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Entity\(index)'}}}}}}
            post:
              requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Entity\(index)'}}}}
              responses: {'201': {description: created}}
          /entity\(index)/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: string, format: uuid}}]
            get: {responses: {'200': {description: one, content: {application/json: {schema: {$ref: '#/components/schemas/Entity\(index)'}}}}}}
            put: {requestBody: {content: {application/octet-stream: {}}}, responses: {'204': {description: replaced}}}
            delete: {security: [], responses: {'204': {description: gone}}}

        """
    }.joined()
    let schemas = (0..<300).map { index in
        let parent = index > 0 ? ", parent: {$ref: '#/components/schemas/Entity\(index - 1)'}" : ""
        return "    Entity\(index): {type: object, required: [id, name], properties: {id: {type: string, format: uuid}, "
            + "name: {type: string, maxLength: 80}, tags: {type: array, items: {type: string}}, "
            + "created_at: {type: string, format: date-time}\(parent)}}\n"
    }.joined()
    let openAPI =
        "openapi: 3.1.0\ninfo: {title: bench, version: '1'}\nsecurity: [{bearer: []}]\npaths:\n" + paths
        + "components:\n  securitySchemes: {bearer: {type: http, scheme: bearer}}\n  schemas:\n" + schemas
    measure("import OpenAPI, 300 entities, 1,500 operations (\(openAPI.utf8.count / 1024) KiB)", runs: 5) {
        _ = ProjectImporter.run([ImportSource(name: "bench.yaml", text: openAPI)])
    }
    measure("  of which reading the YAML", runs: 5) { _ = try? YAMLReader.read(openAPI, limits: .standard) }

    // Language-model prompts: their size in tokens (four characters a token; the target for a design
    // call is under 2,000), and the cost of building and checking them.
    print("\nlanguage-model prompts (estimated tokens)")
    for name in examples {
        guard let data = FileManager.default.contents(atPath: "examples/\(name)"),
            let file = ProjectLoader().load([UInt8](data), format: DocumentFormat.forFileName(name)).file
        else { continue }
        let input = DesignInput(file: file)
        let menu = DesignMenu(design: RulesDesigner().design(input), input: input)
        let design = DesignPrompt.make(input: input, menu: menu)
        let suggestions = EnhancementEngine().suggestions(for: DesignEngine().run(file), file: file)
        let ranking = EnhancementRanking.prompt(suggestions: suggestions, input: input)
        print(
            "  \(name): design \(design.estimatedTokens) tokens (\(menu.items.count) settings), ranking \(ranking.estimatedTokens) tokens (\(suggestions.count) suggestions)"
        )
    }
    print("  draft: \(ProjectDraft.prompt(description: "an API for a dental clinic with appointments and invoices").estimatedTokens) tokens")

    // The wizard: one typed character → the frame; the validation (written and read back, as
    // `validate` would) and the live estimate follow from a worker.
    print("\nwizard")
    for (label, project) in [
        (
            "ride-events",
            ProjectLoader().load([UInt8](FileManager.default.contents(atPath: "examples/ride-events.yaml") ?? Data()), format: .yaml).file
        ),
        ("synthetic 300 tables", big),
    ] {
        guard let project else { continue }
        var state = AppState(project: project, width: 100, height: 30)
        state = Update.update(state, .key(.character("p"))).0
        measure("wizard key → frame, \(label)", runs: 20) {
            state = Update.update(state, .key(.character("x"))).0
            _ = AppView.render(state)
        }
        let typed = state.wizard?.project ?? project
        measure("  its live check on the worker (validate + estimate), \(label)", runs: 20) { _ = Wizard.check(typed) }
    }
}
