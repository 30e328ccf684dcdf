-- import_contract_loss: ONE row: how many contracts the current dataset holds
-- (current_contracts) and how many of them an import would drop (lost_contracts: their
-- contract_id is not among the import's accepted contracts, the registered relation
-- incoming_contract_ids(contract_id)). Both 0 when nothing is published yet.
-- Parameters: none.
WITH current_dataset AS (
    SELECT data_import_id FROM imports ORDER BY import_id DESC LIMIT 1
),
current_contracts AS (
    SELECT DISTINCT c.contract_id
    FROM contracts AS c
    JOIN current_dataset AS d ON c.import_id = d.data_import_id
)
SELECT
    count(*) AS current_contracts,
    count(*) FILTER (WHERE i.contract_id IS NULL) AS lost_contracts
FROM current_contracts AS c
LEFT JOIN incoming_contract_ids AS i ON i.contract_id = c.contract_id
