-- contract_detail_documentation: one row per documentation of social dialogue received for
-- contract $contract_id, in date order; k is the anniversary it meets (the k-th row in date
-- order meets the k-th annual deadline). Rows received after $as_of are flagged.
-- Parameters: $import_id, $contract_id, $as_of (DATE).
SELECT
    row_number() OVER (ORDER BY received_date) AS k,
    received_date,
    received_date > $as_of AS after_as_of
FROM documentation
WHERE import_id = $import_id AND contract_id = $contract_id
ORDER BY received_date
