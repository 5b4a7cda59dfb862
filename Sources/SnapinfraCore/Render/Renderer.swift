/// Phase 2: turns a design into files through the templates, and lays each file out.
public struct Renderer: Sendable {
    public var templates: TemplateSet

    public init(templates: TemplateSet = .embedded) {
        self.templates = templates
    }

    /// The files for the given targets (unavailable targets are skipped), plus DEPLOY.md.
    /// `memo` keeps Terraform texts from earlier renders of variants of the same design.
    public func render(_ result: DesignResult, targets: [Target], memo: RenderMemo? = nil) throws(TemplateError) -> [RenderedFile] {
        let design = result.design
        let header = Self.header(design)
        var files: [RenderedFile] = []
        if targets.contains(.terraform) {
            let root = TemplateNode(TerraformModel(design: design, header: header))
            for name in terraformFiles(design) {
                let text = try terraform(name, root, memo, laidOut: true)
                files.append(RenderedFile(path: "infra/terraform/\(name)", content: text, source: "terraform/\(name).mustache", target: .terraform))
            }
        }
        if targets.contains(.dockerCompose) {
            let model = ComposeModel(design: design, header: header)
            files.append(try text("docker-compose.yml", "compose/docker-compose.yml.mustache", model, .dockerCompose))
            files.append(try text(".env.example", "compose/env.example.mustache", model, .dockerCompose))
        }
        // The app's container build, when the runtime is named and a container runs it.
        if targets.contains(.dockerCompose) || design.compute?.platform.runsContainers == true,
            let docker = DockerfileModel(design: design, header: header)
        {
            files.append(try text("Dockerfile", "docker/Dockerfile.mustache", docker, .dockerCompose))
            files.append(try text(".dockerignore", "docker/dockerignore.mustache", docker, .dockerCompose))
        }
        if targets.contains(.kubernetes), let model = KubernetesModel(design: design, header: header) {
            files += try kubernetes(model)
        }
        if targets.contains(.pulumi), let model = PulumiModel(result: result, header: header) {
            files += try pulumi(model)
        }
        files.append(try text("DEPLOY.md", "docs/DEPLOY.md.mustache", DeployModel(result: result, targets: targets), nil))
        return files
    }

    /// The Kubernetes manifests of an EKS design alone (empty for another platform).
    public func kubernetesFiles(_ design: InfrastructureDesign, header: String = "") throws(TemplateError) -> [RenderedFile] {
        guard let model = KubernetesModel(design: design, header: header) else { return [] }
        return try kubernetes(model)
    }

    /// The Kustomize base and one overlay per environment under `infra/k8s/`.
    func kubernetes(_ model: KubernetesModel) throws(TemplateError) -> [RenderedFile] {
        var files: [RenderedFile] = []
        for name in KubernetesModel.baseFiles where name != "externalsecret.yaml" || model.hasSecrets {
            files.append(try text("infra/k8s/base/\(name)", "kubernetes/\(name).mustache", model, .kubernetes))
        }
        for overlay in model.overlays {
            let file = KubernetesModel.OverlayFile(
                header: model.header, nameLiteral: model.nameLiteral, namespaceLiteral: model.namespaceLiteral, overlay: overlay)
            let folder = "infra/k8s/overlays/\(overlay.environment)"
            files.append(try text("\(folder)/kustomization.yaml", "kubernetes/overlay-kustomization.yaml.mustache", file, .kubernetes))
            files.append(try text("\(folder)/settings.env", "kubernetes/settings.env.mustache", file, .kubernetes))
        }
        return files
    }

    /// The Pulumi program of a design alone (empty for a shape it does not cover yet).
    public func pulumiFiles(_ result: DesignResult, header: String = "") throws(TemplateError) -> [RenderedFile] {
        guard let model = PulumiModel(result: result, header: header) else { return [] }
        return try pulumi(model)
    }

    /// The Pulumi program, its stack files and its Automation API driver under `infra/pulumi/`.
    func pulumi(_ model: PulumiModel) throws(TemplateError) -> [RenderedFile] {
        let folder = "infra/pulumi"
        var files: [RenderedFile] = []
        for name in ["Pulumi.yaml", "requirements.txt", "pyproject.toml"] {
            files.append(try text("\(folder)/\(name)", "pulumi/\(name).mustache", model, .pulumi))
        }
        for stack in model.stacks {
            let file = PulumiModel.StackFile(model: model, stack: stack)
            files.append(try text("\(folder)/Pulumi.\(stack.environment).yaml", "pulumi/stack.yaml.mustache", file, .pulumi))
        }
        // One node for every module: each field is boxed once, the first time a module reads it.
        let root = TemplateNode(model)
        for module in ["__main__"] + model.modules.map(\.name) + ["automation"] {
            files.append(try text("\(folder)/\(module).py", "pulumi/\(module).py.mustache", root, .pulumi))
        }
        return files
    }

    /// A text file (YAML, Markdown, Dockerfile, Python) from its template, trailing blanks tidied.
    /// Python keeps two blank lines around top-level functions, as PEP 8 and ruff format want.
    /// The model is read through a node, so only the fields the template names are boxed.
    private func text(_ path: String, _ template: String, _ model: Any, _ target: Target?) throws(TemplateError) -> RenderedFile {
        let blankLines = path.hasSuffix(".py") ? 2 : 1
        let node = model as? TemplateNode ?? TemplateNode(model)
        return RenderedFile(
            path: path, content: Self.tidy(try templates.render(template, node), blankLines: blankLines), source: template, target: target)
    }

    /// Terraform files that hold no resource, data, provider or locals block, so no check reads
    /// them (a test keeps this true for every example).
    static let unscoredFiles: Set<String> = ["versions.tf", "variables.tf", "outputs.tf"]

    /// The first line of every file. The slug, never the raw name: a comment holds only letters,
    /// digits and `-`, so no grep-based gate in a user's CI can mistake a project name for code.
    static func header(_ design: InfrastructureDesign) -> String {
        "Generated by Snapinfra \(SnapinfraVersion.current) for project \(Naming.slug(design.projectName))."
    }

    /// The texts of the Terraform files the security checks read: as `render` wrote them when it
    /// did (so scoring a rendered design reuses its parse trees), otherwise as the templates give
    /// them, not laid out. Layout moves only blanks, so the checks see the same values; scoring a
    /// suggestion renders and parses only the files it changes, and lays out none.
    func scoredTerraformTexts(_ design: InfrastructureDesign, memo: RenderMemo? = nil) throws(TemplateError) -> [String] {
        let root = TemplateNode(TerraformModel(design: design, header: Self.header(design)))
        var texts: [String] = []
        for name in terraformFiles(design) where name.hasSuffix(".tf") && !Self.unscoredFiles.contains(name) {
            texts.append(try terraform(name, root, memo, laidOut: false))
        }
        return texts
    }

    /// One Terraform file's text from the memo when the fields its template reads are unchanged;
    /// laid out when `laidOut`, and otherwise laid out only if that was done before.
    private func terraform(_ name: String, _ root: TemplateNode, _ memo: RenderMemo?, laidOut: Bool) throws(TemplateError) -> String {
        let template = "terraform/\(name).mustache"
        guard let memo, templates.isEmbedded else {
            let text = try templates.render(template, root)
            return laidOut ? HCLFormatter.format(text) : text
        }
        let layout: ((String) -> String)? = laidOut ? { HCLFormatter.format($0) } : nil
        return try memo.text(template, root: root, layout: layout) { () throws(TemplateError) in try templates.render(template, root) }
    }

    /// The Terraform files a design needs, in reading order.
    func terraformFiles(_ design: InfrastructureDesign) -> [String] {
        var names = ["versions.tf", "providers.tf", "variables.tf", "main.tf"]
        if design.hardening.customerManagedKey { names.append("kms.tf") }
        if design.network != nil { names.append("network.tf") }
        switch design.database?.service {
        case .rds?: names.append("database.tf")
        case .documentDB?: names.append("documentdb.tf")
        case .dynamoDB?: names.append("dynamodb.tf")
        case nil: break
        }
        if design.cache != nil { names.append("cache.tf") }
        if design.compute?.platform == .lambda {
            names += ["lambda.tf", "api.tf"]
        } else if design.compute?.platform == .eks {
            names.append("eks.tf")
            if design.activeHardening.webApplicationFirewall { names.append("waf.tf") }
        } else {
            names += ["compute.tf", "alb.tf"]
        }
        if design.objectStorage != nil { names.append("storage.tf") }
        if design.hasLogBucket { names.append("logs.tf") }
        if design.monitoring?.alarms.isEmpty == false || design.hardening.budgetAlarmLimit != nil { names.append("monitoring.tf") }
        let h = design.activeHardening
        if h.reservedDatabase || h.reservedCache { names.append("commitments.tf") }
        names += ["outputs.tf", "terraform.tfvars.example"]
        return names
    }

    /// At most `blankLines` blank lines in a row, none at the end, one final newline.
    static func tidy(_ text: String, blankLines: Int = 1) -> String {
        var lines: [Substring] = []
        var blanks = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.last == " " ? Substring(line.replacing(/\s+$/, with: "")) : line
            blanks = trimmed.isEmpty ? blanks + 1 : 0
            if trimmed.isEmpty, lines.isEmpty || blanks > blankLines { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
