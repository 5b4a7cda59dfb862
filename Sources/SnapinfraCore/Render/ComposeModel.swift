/// Everything the Compose templates show, precomputed and escaped for YAML.
struct ComposeModel {
    static let appPort = 8_080

    struct Variable {
        var name: String
        var value: String
    }

    struct Named {
        var name: String
    }

    struct DatabaseService {
        var service: String
        var imageLiteral: String
        var hasEnvironment: Bool
        var environment: [Variable]
        var command: String?
        var port: Int
        var volume: String
        var dataPath: String
        var healthcheck: String
    }

    struct CacheService {
        var service: String
        var imageLiteral: String
        var command: String
        var port: Int
        var volume: String
        var healthcheck: String
    }

    var header: String
    /// Where the app's image comes from: the generated Dockerfile, or the app's own.
    var buildNote: String
    var projectLiteral: String
    var appPort: Int
    var environment: [Variable]
    var hasDependencies: Bool
    var dependencies: [Named]
    var database: DatabaseService?
    var cache: CacheService?
    var hasVolumes: Bool
    var volumes: [Named]
    /// For `.env.example`.
    var variables: [Named]

    /// Said in Compose and DEPLOY.md: which Dockerfile builds the app.
    static func buildNote(_ design: InfrastructureDesign) -> String {
        if let runtime = design.app?.runtime, DockerfileModel.recipe(runtime, port: appPort) != nil {
            return "Built from the Dockerfile beside this file (\(runtime.rawValue)); run this from the app's repository root."
        }
        return "The app's own Dockerfile must be at ./Dockerfile, beside this file: no runtime was named (project.runtime), so none was generated."
    }

    static func databaseService(_ db: DatabaseSpec) -> String {
        db.service == .dynamoDB ? "dynamodb" : "database"
    }

    /// The image of each engine, at the version the Terraform deploys.
    static func image(_ db: DatabaseSpec) -> String {
        switch db.engine {
        case .postgres: return "postgres:\(db.engineVersion)"
        case .mysql: return "mysql:\(db.engineVersion)"
        case .mariadb: return "mariadb:\(db.engineVersion)"
        case .mongodb: return "mongo:\(db.engineVersion)"
        case .dynamodb: return "amazon/dynamodb-local:2.5.2"
        case .none: return ""
        }
    }

    init(design: InfrastructureDesign, header: String) {
        let names = ResourceNames(project: design.projectName)
        self.header = header
        buildNote = Self.buildNote(design)
        projectLiteral = Escaping.yamlString(names.slug)
        appPort = Self.appPort
        let runtime = RuntimeEnvironment.variables(design, names: names)
        environment = runtime.compactMap { v in v.compose.map { Variable(name: v.name, value: $0) } }
        var dotEnv = runtime.filter(\.fromDotEnv).map { Named(name: $0.name) }
        var dependencies: [Named] = []
        var volumes: [Named] = []
        database = design.database.map { db in
            let service = Self.databaseService(db)
            dependencies.append(Named(name: service))
            volumes.append(Named(name: "database-data"))
            let password = Escaping.yamlString("${DATABASE_PASSWORD:?set DATABASE_PASSWORD in .env}", compose: false)
            let rootPassword = Escaping.yamlString("${DATABASE_ROOT_PASSWORD:?set DATABASE_ROOT_PASSWORD in .env}", compose: false)
            let name = Escaping.yamlString(names.databaseName)
            let user = Escaping.yamlString(names.databaseUser)
            var env: [Variable] = []
            var command: String?
            var dataPath = "/var/lib/postgresql/data"
            var check = "[\"CMD-SHELL\", \"pg_isready -U $${POSTGRES_USER} -d $${POSTGRES_DB}\"]"
            switch db.engine {
            case .postgres:
                env = [
                    Variable(name: "POSTGRES_DB", value: name), Variable(name: "POSTGRES_USER", value: user),
                    Variable(name: "POSTGRES_PASSWORD", value: password),
                ]
            case .mysql:
                env = [
                    Variable(name: "MYSQL_DATABASE", value: name), Variable(name: "MYSQL_USER", value: user),
                    Variable(name: "MYSQL_PASSWORD", value: password), Variable(name: "MYSQL_ROOT_PASSWORD", value: rootPassword),
                ]
                dataPath = "/var/lib/mysql"
                check = "[\"CMD-SHELL\", \"mysqladmin ping -h 127.0.0.1 -u root -p$${MYSQL_ROOT_PASSWORD} --silent\"]"
                dotEnv.append(Named(name: "DATABASE_ROOT_PASSWORD"))
            case .mariadb:
                env = [
                    Variable(name: "MARIADB_DATABASE", value: name), Variable(name: "MARIADB_USER", value: user),
                    Variable(name: "MARIADB_PASSWORD", value: password), Variable(name: "MARIADB_ROOT_PASSWORD", value: rootPassword),
                ]
                dataPath = "/var/lib/mysql"
                check = "[\"CMD\", \"healthcheck.sh\", \"--connect\", \"--innodb_initialized\"]"
                dotEnv.append(Named(name: "DATABASE_ROOT_PASSWORD"))
            case .mongodb:
                env = [
                    Variable(name: "MONGO_INITDB_DATABASE", value: name), Variable(name: "MONGO_INITDB_ROOT_USERNAME", value: user),
                    Variable(name: "MONGO_INITDB_ROOT_PASSWORD", value: password),
                ]
                dataPath = "/data/db"
                check = "[\"CMD\", \"mongo\", \"--quiet\", \"--eval\", \"db.adminCommand('ping')\"]"
            case .dynamodb:
                command = "[\"-jar\", \"DynamoDBLocal.jar\", \"-sharedDb\", \"-dbPath\", \"/home/dynamodblocal/data\"]"
                dataPath = "/home/dynamodblocal/data"
                check = "[\"CMD-SHELL\", \"curl -s http://localhost:8000 >/dev/null || exit 1\"]"
            case .none:
                break
            }
            if db.service != .dynamoDB && !dotEnv.contains(where: { $0.name == "DATABASE_PASSWORD" }) {
                dotEnv.insert(Named(name: "DATABASE_PASSWORD"), at: 0)
            }
            return DatabaseService(
                service: service, imageLiteral: Escaping.yamlString(Self.image(db), compose: false), hasEnvironment: !env.isEmpty, environment: env,
                command: command, port: db.port, volume: "database-data", dataPath: dataPath, healthcheck: check)
        }
        cache = design.cache.map { c in
            dependencies.append(Named(name: "cache"))
            volumes.append(Named(name: "cache-data"))
            return CacheService(
                service: "cache", imageLiteral: Escaping.yamlString("valkey/valkey:\(c.engineVersion)", compose: false),
                command: "[\"valkey-server\", \"--appendonly\", \"yes\"]", port: c.port, volume: "cache-data",
                healthcheck: "[\"CMD\", \"valkey-cli\", \"ping\"]")
        }
        self.dependencies = dependencies
        hasDependencies = !dependencies.isEmpty
        self.volumes = volumes
        hasVolumes = !volumes.isEmpty
        variables = dotEnv
    }
}
