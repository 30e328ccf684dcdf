-- import_files: one row per file (or sheet) read by import $import_id: its table, rows read,
-- imported and rejected, and the unknown columns kept aside.
-- Parameters: $import_id.
SELECT
    file_no, file, sheet, table_name, size_bytes, encoding, delimiter,
    rows_read, rows_imported, rows_rejected, unknown_columns
FROM import_files
WHERE import_id = $import_id
ORDER BY file_no
