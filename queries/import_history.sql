-- import_history: one row per entry of the import log, newest first: an import or a roll-back,
-- with who and when, the import whose data it made current, its files and rows, and whether
-- that entry is the one in force now.
-- Parameters: none.
WITH file_totals AS (
    SELECT
        import_id,
        count(*) AS files,
        sum(rows_read) AS rows_read,
        sum(rows_imported) AS rows_imported,
        sum(rows_rejected) AS rows_rejected,
        string_agg(file || coalesce(' [' || sheet || ']', ''), ', ' ORDER BY file_no) AS file_names
    FROM import_files
    GROUP BY import_id
),
newest AS (
    SELECT max(import_id) AS newest_id FROM imports
)
SELECT
    i.import_id,
    i.action,
    i.data_import_id,
    i.created_at,
    i.created_by,
    i.note,
    coalesce(t.files, 0) AS files,
    t.file_names,
    coalesce(t.rows_read, 0) AS rows_read,
    coalesce(t.rows_imported, 0) AS rows_imported,
    coalesce(t.rows_rejected, 0) AS rows_rejected,
    i.import_id = n.newest_id AS is_current
FROM imports AS i
CROSS JOIN newest AS n
LEFT JOIN file_totals AS t ON t.import_id = i.import_id
ORDER BY i.import_id DESC
