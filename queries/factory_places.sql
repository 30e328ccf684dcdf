-- factory_places: one row per factory *place* under the contracts in force on $as_of that the
-- filters select (as every figure as of a date): a factory that supplies several
-- contracts is one place, with every contract it supplies and its social-dialogue status under
-- each. A place is the factory's id; factories with different ids that carry the same OS ID
-- are one place too (an OS ID names one production location in Open Supply Hub).
-- Columns: place_id, factory_ids (the ids it goes by), factory_name (the most common name;
-- ties by name), country, city, address, os_id, latitude/longitude (the first given; NULL when
-- none: the country then places it), n_contracts, and per contract, in contract order:
-- contract_ids, supplier_names, dialogue_statuses, centrals.
-- Parameters: $import_id, $as_of (DATE), $filters, $rules.
WITH contracts_in_scope AS (
    SELECT * FROM contracts_in_force($import_id, $as_of, $filters, $rules)
),
factory_rows AS (
    SELECT f.*, c.supplier_name
    FROM factories AS f
    JOIN contracts_in_scope AS c USING (contract_id)
    WHERE f.import_id = $import_id
),
os_ids_of_factories AS (
    -- the OS ID a factory id carries on any of its rows (the smallest, should they differ),
    -- without the spaces and hyphens the contract allows in it
    SELECT factory_id, min(replace(replace(os_id, '-', ''), ' ', '')) AS os_id
    FROM factories
    WHERE import_id = $import_id AND os_id IS NOT NULL  -- checked at import
    GROUP BY factory_id
),
rows_with_place AS (
    SELECT r.*, coalesce(o.os_id, r.factory_id) AS place_id, o.os_id AS place_os_id
    FROM factory_rows AS r
    LEFT JOIN os_ids_of_factories AS o USING (factory_id)
)
SELECT
    place_id,
    list(DISTINCT factory_id ORDER BY factory_id) AS factory_ids,
    mode(factory_name ORDER BY factory_name) AS factory_name,
    min(country) AS country,
    min(city) AS city,
    min(address) AS address,
    min(place_os_id) AS os_id,
    first(latitude ORDER BY latitude IS NULL, contract_id) AS latitude,
    first(longitude ORDER BY latitude IS NULL, contract_id) AS longitude,
    count(DISTINCT contract_id) AS n_contracts,
    -- the contracts it supplies, in four lists of one order (structs would not carry over to
    -- another SQL engine: see etikkmonitor/portable.py)
    list(contract_id ORDER BY contract_id, factory_id) AS contract_ids,
    list(supplier_name ORDER BY contract_id, factory_id) AS supplier_names,
    list(dialogue_status ORDER BY contract_id, factory_id) AS dialogue_statuses,
    list(coalesce(central, FALSE) ORDER BY contract_id, factory_id) AS centrals
FROM rows_with_place
GROUP BY place_id
ORDER BY n_contracts DESC, factory_name, place_id
