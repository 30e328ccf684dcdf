-- contract_detail_calloffs: one row per call-off row of contract $contract_id (agency, year,
-- amount), newest year first.
-- Parameters: $import_id, $contract_id.
SELECT agency, year, amount_nok
FROM calloffs
WHERE import_id = $import_id AND contract_id = $contract_id
ORDER BY year DESC NULLS LAST, agency
