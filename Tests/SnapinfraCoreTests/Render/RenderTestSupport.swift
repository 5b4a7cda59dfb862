import Foundation

@testable import SnapinfraCore

/// Loads an example by file name.
func example(_ name: String, environment: Environment? = nil, folder: String = "examples") throws -> ProjectFile {
    let url = repositoryRoot.appendingPathComponent("\(folder)/\(name)")
    guard var file = ProjectLoader().load([UInt8](try Data(contentsOf: url)), format: DocumentFormat.forFileName(name)).file else {
        throw CocoaError(.fileReadCorruptFile)
    }
    if let environment { file.options.environment = environment }
    return file
}

func render(_ file: ProjectFile, targets: [Target]? = nil) throws -> [RenderedFile] {
    try Renderer().render(DesignEngine().run(file), targets: targets ?? file.options.targets)
}

func content(_ files: [RenderedFile], _ path: String) -> String {
    files.first { $0.path == path }?.content ?? ""
}

/// A project whose every piece of text is hostile.
func hostileProject() -> ProjectFile {
    let evil = "x\"}\nresource \"aws_iam_user\" \"pwn\" {\n name = \"${jndi:ldap://evil}\" %{ if true }`rm -rf /`../../etc\u{202E}gnp.exe"
    let table = Table(
        name: "t\"${x}", fields: [Field(name: "id", type: .uuid, primaryKey: true), Field(name: "f$%{", type: .string)], estimatedRows: 10)
    let project = Project(
        name: evil, description: evil, schema: [table],
        endpoints: [Endpoint(method: .post, path: "/a/{id}/upload", upload: true)],
        database: Database(type: .postgres), traffic: Traffic(requestsPerSecond: 200))
    return ProjectFile(project: project, options: Options(preferences: Preferences(scale: .growth), environment: .production))
}
