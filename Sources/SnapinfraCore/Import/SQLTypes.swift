/// How a column's SQL type maps to the project format's field types (PostgreSQL and
/// MySQL/MariaDB names; DECISIONS.md lists the choices that are not obvious).
enum SQLTypes {
    /// The field type for a type name (lower-case, without its arguments), and whether it is one
    /// the table knows. `arguments` is what was inside the parentheses (`1` for `tinyint(1)`).
    static func fieldType(_ name: String, arguments: String = "", array: Bool = false) -> (FieldType, known: Bool) {
        if array { return (.json, true) }
        switch name {
        case "tinyint" where arguments == "1", "bool", "boolean":
            return (.boolean, true)
        case "bit" where arguments.isEmpty || arguments == "1":
            return (.boolean, true)
        case "int", "integer", "int2", "int4", "smallint", "mediumint", "tinyint", "serial", "serial4", "smallserial", "serial2", "year":
            return (.integer, true)
        case "bigint", "int8", "bigserial", "serial8":
            return (.bigint, true)
        case "real", "float", "float4", "float8", "double", "double precision":
            return (.float, true)
        case "decimal", "numeric", "dec", "fixed", "money", "smallmoney":
            return (.decimal, true)
        case "uuid", "uniqueidentifier":
            return (.uuid, true)
        case "timestamp", "timestamptz", "datetime", "datetime2", "smalldatetime", "timestamp with time zone",
            "timestamp without time zone":
            return (.timestamp, true)
        case "date":
            return (.date, true)
        case "json", "jsonb":
            return (.json, true)
        case "bytea", "blob", "tinyblob", "mediumblob", "longblob", "binary", "varbinary", "bit", "bit varying", "varbit", "geometry",
            "geography", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon", "geometrycollection", "image":
            return (.binary, true)
        case "text", "tinytext", "mediumtext", "longtext", "clob", "ntext":
            return (.text, true)
        case "char", "character", "varchar", "character varying", "nchar", "nvarchar", "citext", "enum", "set", "inet", "cidr",
            "macaddr", "macaddr8", "xml", "tsvector", "tsquery", "time", "timetz", "time with time zone", "time without time zone",
            "interval", "name", "oid", "string":
            return (.string, true)
        default:
            return (.string, false)
        }
    }
}
