import SnapinfraCore

/// The OpenAPI 3.1 description of `snapinfra serve`, served at `GET /openapi.yaml`. CI checks it
/// with openapi-spec-validator and checks real responses against its schemas.
enum OpenAPIDocument {
    static let yaml = """
        openapi: 3.1.0
        info:
          title: Snapinfra
          version: \(SnapinfraVersion.current)
          summary: Designs, prices, renders and security-scores infrastructure for a described project, offline.
          description: |
            Stateless: every request carries a project file (JSON or YAML, as in the project format) and gets
            the JSON document the matching command prints with `--json`. Nothing is written to disk.
            Identical requests may share one reply while the rules engine designs (header X-Snapinfra-Cache).
        servers:
          - url: http://127.0.0.1:8080
        tags:
          - name: project
            description: The phases, each over a project file.
          - name: service
            description: The server itself.
        \(APIEndpoint.pathsYAML)
        components:
          requestBodies:
            Project:
              required: true
              description: A project file, as in the project format (the original API's request body). At most 2 MiB.
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/ProjectFile'}
                application/yaml:
                  schema: {$ref: '#/components/schemas/ProjectFile'}
          responses:
            BadRequest:
              description: The project does not load (each diagnostic names its path), or a parameter is wrong.
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Failure'}
            TooLarge:
              description: The body is over 2 MiB.
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Failure'}
            Failed:
              description: The tool failed on a valid project (a template did not render, or a file failed its checks).
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Failure'}
            Busy:
              description: As many requests as allowed are being worked on.
              headers:
                Retry-After:
                  description: Seconds to wait before trying again.
                  schema: {type: integer, minimum: 1}
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Failure'}
            Timeout:
              description: The request took longer than the server's limit (10 s unless configured).
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Failure'}
          schemas:
            Health:
              type: object
              required: [status, version]
              properties:
                status: {const: ok}
                version: {type: string}
            ProjectFile:
              type: object
              required: [project]
              properties:
                project:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                    description: {type: string}
                    schema:
                      type: array
                      items:
                        type: object
                        required: [name, fields]
                        properties:
                          name: {type: string}
                          fields: {type: array, items: {type: object}}
                    endpoints:
                      type: array
                      items:
                        type: object
                        required: [method, path]
                        properties:
                          method: {enum: [GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS]}
                          path: {type: string}
                    database: {type: object}
                    traffic: {type: object}
                options: {type: object}
            Failure:
              type: object
              required: [success, error, details]
              properties:
                success: {const: false}
                error: {type: string}
                details: {type: array, items: {type: string}}
            Metadata:
              type: object
              required: [version, provider]
              properties:
                version: {type: string}
                provider: {type: string}
                ai: {type: object}
            SecurityScore:
              type: object
              required: [passed, failed, failing]
              properties:
                passed: {type: integer, minimum: 0}
                failed: {type: integer, minimum: 0}
                failing:
                  type: array
                  items:
                    type: object
                    required: [checkID, title, resource, passed]
                    properties:
                      checkID: {type: string}
                      title: {type: string}
                      resource: {type: string}
                      passed: {type: boolean}
            Estimate:
              type: object
              required: [currency, region, totalMonthly, minMonthly, maxMonthly, resources]
              properties:
                currency: {type: string}
                region: {type: string}
                totalMonthly: {type: number}
                minMonthly: {type: number}
                maxMonthly: {type: number}
                alwaysOnMonthly: {type: number}
                usageMonthly: {type: number}
                resources:
                  type: array
                  items:
                    type: object
                    required: [address, lines]
                    properties:
                      address: {type: string}
                      lines:
                        type: array
                        items:
                          type: object
                          description: One priced line; a price the catalog lacks is said (priceNotFound) and has no cost.
                          required: [name, kind, priceNotFound]
                          properties:
                            name: {type: string}
                            kind: {type: string}
                            priceNotFound: {type: boolean}
                            monthlyCost: {type: number}
                assumptions: {type: array}
                notes: {type: array}
            Budget:
              type: object
              required: [budget, overBudget, summary, cuts]
              properties:
                budget: {type: number}
                overBudget: {type: boolean}
                summary: {type: string}
                cuts: {type: array, items: {type: object}}
            Compliance:
              type: object
              required: [items]
              properties:
                items:
                  type: array
                  items:
                    type: object
                    required: [profile, control, title, status]
            Enhancement:
              type: object
              required: [id, title, category, severity, rationale, trigger, monthlyCostDelta, safe, risk, reversible, requires, conflicts, controls]
              properties:
                id: {type: string}
                title: {type: string}
                category: {enum: [security, cost, performance, monitoring, reliability]}
                severity: {type: string}
                rationale: {type: string}
                trigger: {type: string}
                monthlyCostDelta: {type: number}
                securityScoreDelta: {type: number}
                safe: {type: boolean}
                risk: {type: string}
                reversible: {type: boolean}
                needsInput: {type: string}
                requires: {type: array, items: {type: string}}
                conflicts: {type: array, items: {type: string}}
                controls: {type: array, items: {type: object}}
            ValidateDocument:
              type: object
              required: [success, data, metadata]
              properties:
                success: {const: true}
                data:
                  type: object
                  required: [valid, tables, endpoints, warnings]
                  properties:
                    valid: {type: boolean}
                    tables: {type: integer, minimum: 0}
                    endpoints: {type: integer, minimum: 0}
                    warnings: {type: array, items: {type: string}}
                metadata: {$ref: '#/components/schemas/Metadata'}
            DesignDocument:
              type: object
              required: [success, data, metadata]
              properties:
                success: {const: true}
                data:
                  type: object
                  required: [analysis, design, estimate, validation, compliance]
                  properties:
                    analysis: {type: object}
                    design: {type: object, required: [projectName, environment, region, resources, decisions]}
                    estimate: {$ref: '#/components/schemas/Estimate'}
                    budget: {$ref: '#/components/schemas/Budget'}
                    validation: {type: array}
                    securityScore: {$ref: '#/components/schemas/SecurityScore'}
                    compliance: {$ref: '#/components/schemas/Compliance'}
                metadata: {$ref: '#/components/schemas/Metadata'}
            EstimateDocument:
              type: object
              required: [success, data, metadata]
              properties:
                success: {const: true}
                data:
                  type: object
                  required: [estimate]
                  properties:
                    estimate: {$ref: '#/components/schemas/Estimate'}
                    budget: {$ref: '#/components/schemas/Budget'}
                metadata: {$ref: '#/components/schemas/Metadata'}
            EnhancementsDocument:
              type: object
              required: [success, data, metadata]
              properties:
                success: {const: true}
                data:
                  type: object
                  required: [baseMonthlyCost, securityScore, enhancements, compliance, advice]
                  properties:
                    baseMonthlyCost: {type: number}
                    securityScore: {$ref: '#/components/schemas/SecurityScore'}
                    enhancements: {type: array, items: {$ref: '#/components/schemas/Enhancement'}}
                    compliance: {$ref: '#/components/schemas/Compliance'}
                    advice: {type: array, items: {type: object}}
                metadata: {$ref: '#/components/schemas/Metadata'}
            DiffDocument:
              type: object
              required: [success, data, metadata]
              properties:
                success: {const: true}
                data:
                  type: object
                  required: [id, requires, diff]
                  properties:
                    id: {type: string}
                    requires: {type: array, items: {type: string}}
                    diff: {type: array, items: {type: string}}
                metadata: {$ref: '#/components/schemas/Metadata'}
            GenerateDocument:
              type: object
              required: [success, data, metadata]
              properties:
                success: {const: true}
                data:
                  type: object
                  required: [schema, reasoning, analysis, estimatedCost, recommendations, files, instructions, validation, enhancements, appliedEnhancements, securityScore]
                  properties:
                    schema: {type: object}
                    reasoning:
                      type: array
                      items:
                        type: object
                        required: [id, resource, setting, value, reason]
                    analysis: {type: object}
                    estimatedCost:
                      type: object
                      required: [min, max, total, currency, breakdown]
                      properties:
                        min: {type: number}
                        max: {type: number}
                        total: {type: number}
                        currency: {type: string}
                        breakdown: {$ref: '#/components/schemas/Estimate'}
                    recommendations: {type: array, items: {type: string}}
                    files:
                      type: array
                      items:
                        type: object
                        required: [path, content, source]
                        properties:
                          path: {type: string}
                          content: {type: string}
                          source: {type: string}
                    instructions: {type: array, items: {type: string}}
                    validation:
                      type: object
                      required: [valid, warnings, errors]
                      properties:
                        valid: {type: boolean}
                        warnings: {type: array, items: {type: string}}
                        errors: {type: array, items: {type: string}}
                    enhancements: {type: array, items: {$ref: '#/components/schemas/Enhancement'}}
                    appliedEnhancements: {type: array, items: {type: string}}
                    securityScore: {$ref: '#/components/schemas/SecurityScore'}
                metadata: {$ref: '#/components/schemas/Metadata'}

        """
}
