-- import_columns: one row per column a file of import $import_id matched: the file (and
-- sheet), our column name and the file's own header for it, so that reports name a column as
-- the file did. Empty for an import published before headers were kept.
-- Parameters: $import_id.
SELECT file, sheet, column_name, header
FROM import_columns
WHERE import_id = $import_id
ORDER BY file, sheet, column_name
