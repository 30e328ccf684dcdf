-- import_rejects: one row per problem found in a rejected row of import $import_id: file, sheet,
-- line (the file's own numbering), column, value, reason code and detail. A row with two
-- problems gives two rows here.
-- Parameters: $import_id.
SELECT table_name, file, sheet, line, column_name, value, code, detail
FROM rejects
WHERE import_id = $import_id
ORDER BY file, sheet, line, column_name
