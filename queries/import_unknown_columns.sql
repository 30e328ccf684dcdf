-- import_unknown_columns: one row per unknown column (not in the export contract) of a file
-- read by import $import_id: how many rows had a value in it and an example value.
-- Parameters: $import_id.
WITH columns_of_files AS (
    SELECT file, sheet, table_name, unnest(unknown_columns) AS column_name
    FROM import_files
    WHERE import_id = $import_id
),
values_kept AS (
    SELECT file, sheet, column_name,
           count(*) FILTER (nullif(trim(value), '') IS NOT NULL) AS rows_with_value,
           min(value) FILTER (nullif(trim(value), '') IS NOT NULL) AS example
    FROM unknown_values
    WHERE import_id = $import_id
    GROUP BY file, sheet, column_name
)
SELECT c.file, c.sheet, c.table_name, c.column_name,
       coalesce(v.rows_with_value, 0) AS rows_with_value, v.example
FROM columns_of_files AS c
LEFT JOIN values_kept AS v
    ON v.file = c.file AND v.sheet IS NOT DISTINCT FROM c.sheet AND v.column_name = c.column_name
ORDER BY c.file, c.sheet, c.column_name
