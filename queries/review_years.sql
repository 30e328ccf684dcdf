-- review_years: one row per year in which a current contract or award notice of the import was
-- published (newest first): the years the yearly review can be run for.
-- Parameters: $import_id  the import whose data is read
SELECT DISTINCT year(publication_date) AS year
FROM competitions
WHERE import_id = $import_id
    AND superseded_by IS NULL
    AND notice_kind IN ('competition', 'result')
ORDER BY year DESC
