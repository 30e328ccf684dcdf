-- snapshot_import: one row describing the import whose data is read ($import_id): when and by
-- whom it was published, its note, and how many files it read.
-- Parameters: $import_id.
WITH data_import AS (
    SELECT import_id, created_at, created_by, note
    FROM imports
    WHERE import_id = $import_id AND action = 'import'
),
file_counts AS (
    SELECT count(*) AS files FROM import_files WHERE import_id = $import_id
)
SELECT d.*, f.files
FROM data_import AS d, file_counts AS f
