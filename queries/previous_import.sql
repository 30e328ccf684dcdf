-- previous_import: ONE row: the dataset that was current before the current one ($import_id),
-- i.e. the newest log entry that made another dataset current, with when it was published;
-- previous_import_id is NULL when there is none.
-- Parameters: $import_id.
WITH earlier AS (
    SELECT data_import_id, import_id
    FROM imports
    WHERE data_import_id <> $import_id
      AND import_id < (SELECT max(import_id) FROM imports)
    ORDER BY import_id DESC
    LIMIT 1
)
SELECT e.data_import_id AS previous_import_id, i.created_at AS previous_created_at
FROM (SELECT 1) AS one
LEFT JOIN earlier AS e ON TRUE
LEFT JOIN imports AS i ON i.import_id = e.data_import_id
