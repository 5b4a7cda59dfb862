/// The container build of the app for a named runtime: a build stage on the runtime's official
/// SDK image, a smaller run stage, a non-root user and a health check on the health path. Every
/// image is pinned to a release; nothing secret is a build argument.
struct DockerfileModel {
    struct Line {
        var line: String
    }

    var header: String
    var runtimeName: String
    var builderImage: String
    var runtimeImage: String
    var buildSteps: [Line]
    var runtimeSteps: [Line]
    var entryNote: String
    var port: Int
    var user: String
    var healthcheck: String
    var command: String
    /// For `.dockerignore`.
    var ignored: [Line]

    /// One runtime's images, steps and start command.
    struct Recipe {
        var name: String
        var builder: String
        var runner: String
        var build: [String]
        var run: [String]
        var user: String
        var command: [String]
        var entryNote: String
        var ignored: [String]
        /// The run image has busybox `wget`; otherwise the check uses the runtime itself.
        var hasWget = true
    }

    /// The recipe of each runtime that has one (`other` has none: the app brings its own).
    static func recipe(_ runtime: Runtime, port: Int) -> Recipe? {
        let addUser = "RUN adduser -D -H -u 10001 app"
        switch runtime {
        case .node:
            return Recipe(
                name: "Node.js", builder: "node:22.12-alpine3.21", runner: "node:22.12-alpine3.21",
                build: [
                    "COPY package.json package-lock.json ./", "RUN npm ci", "COPY . .", "RUN npm run build --if-present && npm prune --omit=dev",
                ],
                run: ["ENV NODE_ENV=production", "COPY --from=build --chown=node:node /src /app"], user: "node", command: ["node", "."],
                entryNote: "`node .` starts the `main` file of package.json.", ignored: ["node_modules/", "npm-debug.log*", "coverage/"])
        case .python:
            return Recipe(
                name: "Python", builder: "python:3.12.8-slim-bookworm", runner: "python:3.12.8-slim-bookworm",
                build: [
                    "RUN python -m venv /opt/venv", "ENV PATH=/opt/venv/bin:$PATH", "COPY requirements.txt ./",
                    "RUN pip install --no-cache-dir -r requirements.txt", "COPY . .",
                ],
                run: [
                    "RUN useradd --system --uid 10001 --no-create-home app", "ENV PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1",
                    "COPY --from=build /opt/venv /opt/venv", "COPY --from=build --chown=app:app /src /app",
                ],
                user: "app", command: ["python", "-m", "app"], entryNote: "Change `app` in CMD to the module that starts your server.",
                ignored: ["__pycache__/", "*.pyc", ".venv/", ".pytest_cache/"], hasWget: false)
        case .go:
            return Recipe(
                name: "Go", builder: "golang:1.23.4-alpine3.21", runner: "alpine:3.21",
                build: [
                    "COPY go.mod go.sum ./", "RUN go mod download", "COPY . .",
                    "RUN CGO_ENABLED=0 go build -trimpath -ldflags=\"-s -w\" -o /out/app .",
                ],
                run: [addUser, "COPY --from=build /out/app /app/app"], user: "app", command: ["/app/app"],
                entryNote: "The main package is the module's root; change `.` in the build step if it lives elsewhere.", ignored: ["bin/"])
        case .java:
            return Recipe(
                name: "Java", builder: "maven:3.9.9-eclipse-temurin-21-alpine", runner: "eclipse-temurin:21.0.5_11-jre-alpine",
                build: [
                    "COPY pom.xml ./", "RUN mvn -q -B dependency:go-offline", "COPY src ./src",
                    "RUN mvn -q -B package -DskipTests && mkdir /out && cp target/*.jar /out/app.jar",
                ],
                run: [addUser, "COPY --from=build /out/app.jar /app/app.jar"], user: "app",
                command: ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"],
                entryNote: "The build expects Maven and one runnable jar in target/.", ignored: ["target/", ".gradle/", "build/"])
        case .dotnet:
            return Recipe(
                name: ".NET", builder: "mcr.microsoft.com/dotnet/sdk:8.0.404-alpine3.20", runner: "mcr.microsoft.com/dotnet/aspnet:8.0.11-alpine3.20",
                build: ["COPY . .", "RUN dotnet publish -c Release -o /out"],
                run: ["ENV ASPNETCORE_HTTP_PORTS=\(port) APP_DLL=App.dll", "COPY --from=build /out /app"], user: "app",
                command: ["sh", "-c", "exec dotnet \"$APP_DLL\""], entryNote: "Set APP_DLL to your project's assembly.",
                ignored: ["bin/", "obj/"])
        case .ruby:
            return Recipe(
                name: "Ruby", builder: "ruby:3.3.6-alpine3.21", runner: "ruby:3.3.6-alpine3.21",
                build: [
                    "RUN apk add --no-cache build-base", "COPY Gemfile Gemfile.lock ./",
                    "RUN bundle config set --local deployment true && bundle config set --local without development:test && bundle install",
                    "COPY . .",
                ],
                run: [addUser, "ENV BUNDLE_DEPLOYMENT=1 BUNDLE_WITHOUT=development:test", "COPY --from=build --chown=app:app /src /app"],
                user: "app", command: ["bundle", "exec", "puma", "-b", "tcp://0.0.0.0:\(port)"],
                entryNote: "Puma serves config.ru; change CMD for another server.", ignored: ["vendor/bundle/", "log/", "tmp/"])
        case .php:
            return Recipe(
                name: "PHP", builder: "composer:2.8.4", runner: "php:8.3.14-cli-alpine3.21",
                build: [
                    "COPY composer.json composer.lock ./", "RUN composer install --no-dev --no-scripts --prefer-dist --no-interaction", "COPY . .",
                ],
                run: [addUser, "COPY --from=build --chown=app:app /src /app"], user: "app",
                command: ["php", "-S", "0.0.0.0:\(port)", "-t", "public"],
                entryNote: "PHP's built-in server serves public/; put php-fpm behind nginx for heavy traffic.", ignored: ["vendor/"])
        case .rust:
            return Recipe(
                name: "Rust", builder: "rust:1.83.0-alpine3.21", runner: "alpine:3.21",
                build: [
                    "RUN apk add --no-cache musl-dev", "ARG BINARY=app", "COPY . .",
                    "RUN cargo build --release --locked && mkdir /out && cp \"target/release/$BINARY\" /out/app",
                ],
                run: [addUser, "COPY --from=build /out/app /app/app"], user: "app", command: ["/app/app"],
                entryNote: "Build with `--build-arg BINARY=<name>` when the binary is not called app.", ignored: ["target/"])
        case .other:
            return nil
        }
    }

    init?(design: InfrastructureDesign, header: String) {
        guard let app = design.app, let runtime = app.runtime, let recipe = Self.recipe(runtime, port: ComposeModel.appPort) else { return nil }
        self.header = header
        port = ComposeModel.appPort
        runtimeName = recipe.name
        builderImage = recipe.builder
        runtimeImage = recipe.runner
        buildSteps = recipe.build.map { Line(line: $0) }
        runtimeSteps = recipe.run.map { Line(line: $0) }
        entryNote = recipe.entryNote
        user = recipe.user
        command = Self.execForm(recipe.command)
        let url = "http://127.0.0.1:\(ComposeModel.appPort)\(app.healthPath)"
        healthcheck =
            recipe.hasWget
            ? Self.execForm(["wget", "-q", "--spider", url])
            : Self.execForm(["python", "-c", "import urllib.request; urllib.request.urlopen(\(Escaping.jsonString(url)), timeout=4)"])
        ignored = (DockerfileModel.commonIgnored + recipe.ignored).map { Line(line: $0) }
    }

    /// What never goes into the build context: secrets, state, and the infrastructure itself.
    static let commonIgnored = [
        ".git/", ".env", ".env.*", "!.env.example", "infra/", "*.tfstate", "*.tfstate.*", ".terraform/", "snapinfra.json", "DEPLOY.md",
        "docker-compose.yml", "Dockerfile", ".dockerignore",
    ]

    /// A JSON array, the exec form of CMD and HEALTHCHECK.
    static func execForm(_ words: [String]) -> String {
        "[" + words.map { Escaping.jsonString($0) }.joined(separator: ", ") + "]"
    }
}
