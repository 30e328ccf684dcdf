-- import_as_of: at most one row, the import whose data was current at the end of day $as_of:
-- the data_import_id of the newest log entry (import or roll-back) made on or before that day.
-- No row when nothing had been published yet.
-- Parameters: $as_of (DATE).
WITH entries_until_d AS (
    SELECT import_id, data_import_id
    FROM imports
    WHERE CAST(created_at AS DATE) <= $as_of
)
SELECT data_import_id
FROM entries_until_d
ORDER BY import_id DESC
LIMIT 1
