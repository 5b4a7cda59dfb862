import Foundation
import SnapinfraCore

/// What a wide terminal adds to the Design screen: the architecture as boxes and arrows, and the
/// monthly cost of each resource as a bar, always-on and usage stacked. Drawn with box-drawing
/// characters; the terminal turns them into ASCII where the locale cannot show them.
enum DesignDiagram {
    /// The narrowest page (the screen less its margins) that gets them; below it the Design screen
    /// keeps its 80-column form.
    static let minimumWidth = 118

    /// A box: a title and a detail line.
    private struct Box {
        var title: String
        var detail: String
    }

    static func architecture(_ design: InfrastructureDesign, width: Int) -> [StyledLine] {
        var lines = [StyledLine("ARCHITECTURE", DesignLines.heading)]
        if let network = design.network {
            let nat = network.natGateways == 0 ? "no NAT gateway" : Plural.count(network.natGateways, "NAT gateway")
            let subnets = network.privateCompute ? "app in private subnets" : "app in public subnets"
            lines.append(StyledLine("  \(design.region) · \(Plural.count(network.availabilityZones, "zone")) · \(nat) · \(subnets)"))
        }
        let clients = Box(title: "Clients", detail: "HTTPS")
        var entry: Box?
        if let point = design.entryPoint {
            let waf = design.hardening.webApplicationFirewall ? ", WAF" : ""
            entry =
                point.kind == .applicationLoadBalancer
                ? Box(title: "Load balancer (ALB)", detail: "port \(point.listenerPort)\(waf)")
                : Box(title: "API Gateway HTTP API", detail: "port \(point.listenerPort)")
        }
        var compute: Box?
        if let c = design.compute {
            let vcpu = Format.number(Double(c.cpuUnits) / 1024, digits: 2)
            switch c.platform {
            case .fargate:
                compute = Box(title: "ECS Fargate, \(c.architecture)", detail: "\(vcpu) vCPU / \(c.memoryMB) MB × \(c.minCount)–\(c.maxCount)")
            case .eks:
                let nodes = c.cluster.map { "\($0.minNodes)–\($0.maxNodes) × \($0.nodeType)" } ?? ""
                compute = Box(
                    title: "EKS \(c.cluster?.kubernetesVersion ?? ""), \(nodes)",
                    detail: "pods \(vcpu) vCPU / \(c.memoryMB) MB × \(c.minCount)–\(c.maxCount)")
            case .lambda:
                compute = Box(title: "Lambda, \(c.architecture)", detail: "\(c.memoryMB) MB")
            }
        }
        var stores: [Box] = []
        if let d = design.database {
            let size = d.instanceClass.map { " \($0)" } ?? ""
            let replicas = d.readReplicas > 0 ? ", \(Plural.count(d.readReplicas, "replica"))" : ""
            stores.append(
                Box(
                    title: "\(d.service.rawValue.uppercased()) \(d.engine.rawValue)\(size)",
                    detail: "\(d.storageGB) GB \(d.storageType), \(d.multiAZ ? "Multi-AZ" : "one zone")\(replicas)"))
        }
        if let cache = design.cache {
            stores.append(Box(title: "ElastiCache \(cache.engine)", detail: "\(cache.nodes) × \(cache.nodeType)"))
        }
        if let bucket = design.objectStorage {
            stores.append(Box(title: "S3: \(bucket.purpose)", detail: bucket.versioning ? "versioned, private" : "private"))
        }
        let chain = [clients] + [entry, compute].compactMap { $0 }
        let widths = [12, 26, 32]
        let storeWidth = max(20, min(40, width - 2 - (chain.indices.map { widths[min($0, 2)] + 5 }.reduce(0, +))))
        let rows = max(4, stores.count * 4)
        var grid = [[Character]](repeating: [Character](repeating: " ", count: width), count: rows)
        var x = 2
        for (index, box) in chain.enumerated() {
            let w = widths[min(index, widths.count - 1)]
            draw(box, at: x, y: 0, width: w, into: &grid)
            x += w
            if index < chain.count - 1 || !stores.isEmpty {
                put("──→", at: x + 1, y: 1, into: &grid)
                x += 5
            }
        }
        for (index, store) in stores.enumerated() {
            let y = index * 4
            draw(store, at: x, y: y, width: storeWidth, into: &grid)
        }
        // The arrow from the compute branches down to each store.
        if stores.count > 1 {
            put("┬", at: x - 3, y: 1, into: &grid)
            for index in 1..<stores.count {
                let y = index * 4 + 1
                for row in (y - 3)..<y { put("│", at: x - 3, y: row, into: &grid) }
                put(index == stores.count - 1 ? "└─→" : "├─→", at: x - 3, y: y, into: &grid)
            }
        }
        lines += grid.map { StyledLine(String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)) }
        lines.append(StyledLine())
        return lines
    }

    /// One resource's bar.
    private struct Bar {
        var address: String
        var alwaysOn: Double
        var usage: Double
        var total: Decimal
    }

    /// The cost of each resource as a bar: `█` always-on, `▒` usage, largest first.
    static func costChart(_ estimate: CostEstimate, width: Int, limit: Int = 12) -> [StyledLine] {
        var lines = [StyledLine("COST BY RESOURCE (a month; █ always-on, ▒ usage)", DesignLines.heading)]
        var bars: [Bar] = []
        for resource in estimate.resources {
            var alwaysOn = Decimal(0)
            for line in resource.lines where line.kind == .alwaysOn { alwaysOn += line.monthlyCost ?? 0 }
            let total = resource.monthlyCost
            guard total > 0 else { continue }
            let usage = total - alwaysOn
            bars.append(
                Bar(
                    address: resource.address, alwaysOn: NSDecimalNumber(decimal: alwaysOn).doubleValue,
                    usage: NSDecimalNumber(decimal: usage).doubleValue, total: total))
        }
        bars.sort { $0.total > $1.total }
        let shown = Array(bars.prefix(limit))
        let longest = shown.map { TextWidth.width(of: $0.address) }.max() ?? 20
        let label = min(44, max(20, longest))
        let barWidth = max(10, width - label - 18)
        let top = max(0.01, shown.first.map { $0.alwaysOn + $0.usage } ?? 1)
        let scale = Double(barWidth) / top
        for bar in shown {
            let solid = Int((bar.alwaysOn * scale).rounded())
            let light = min(max(bar.usage > 0.005 ? 1 : 0, Int((bar.usage * scale).rounded())), max(0, barWidth - solid))
            let drawn = String(repeating: "█", count: solid) + String(repeating: "▒", count: light)
            let name = "  " + TextLayout.pad(TextLayout.fit(bar.address, width: label), width: label) + "  "
            let runs: [StyledLine.Run] = [
                StyledLine.Run(text: name, style: .plain),
                StyledLine.Run(text: TextLayout.pad(drawn, width: barWidth), style: CellStyle(color: .cyan)),
                StyledLine.Run(text: "  " + Format.money(bar.total), style: .plain),
            ]
            lines.append(StyledLine(runs: runs))
        }
        if bars.count > shown.count {
            var rest = Decimal(0)
            for bar in bars.dropFirst(limit) { rest += bar.total }
            lines.append(
                StyledLine("  … \(Plural.count(bars.count - shown.count, "more resource")), \(Format.money(rest)) together", CellStyle(dim: true)))
        }
        lines.append(StyledLine())
        return lines
    }

    private static func draw(_ box: Box, at x: Int, y: Int, width: Int, into grid: inout [[Character]]) {
        let inner = width - 2
        put("┌" + String(repeating: "─", count: inner) + "┐", at: x, y: y, into: &grid)
        put("│" + TextLayout.pad(TextLayout.fit(" " + box.title, width: inner), width: inner) + "│", at: x, y: y + 1, into: &grid)
        put("│" + TextLayout.pad(TextLayout.fit(" " + box.detail, width: inner), width: inner) + "│", at: x, y: y + 2, into: &grid)
        put("└" + String(repeating: "─", count: inner) + "┘", at: x, y: y + 3, into: &grid)
    }

    private static func put(_ text: String, at x: Int, y: Int, into grid: inout [[Character]]) {
        guard grid.indices.contains(y) else { return }
        for (offset, character) in text.enumerated() where grid[y].indices.contains(x + offset) {
            grid[y][x + offset] = character
        }
    }
}
