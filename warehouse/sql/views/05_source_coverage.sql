-- How widely was each meeting reported, who reported it first, and how late?
-- One row per meeting.
CREATE OR REPLACE VIEW report_meeting_coverage AS
WITH report AS (
    SELECT DISTINCT s.meeting_id, a.article_id, a.outlet, a.published_date, a.source_ref
    FROM meeting_sources AS s
    JOIN articles AS a USING (article_id)
),
first_report AS (
    SELECT meeting_id, outlet AS first_outlet, article_id AS first_article_id,
           source_ref AS first_source_ref
    FROM report
    QUALIFY row_number() OVER (
        PARTITION BY meeting_id ORDER BY published_date, outlet NULLS LAST, article_id
    ) = 1
),
coverage AS (
    SELECT
        meeting_id,
        count(*) AS n_articles,
        count(DISTINCT outlet) AS n_outlets,
        count(*) FILTER (WHERE outlet IS NULL) AS n_articles_without_outlet,
        min(published_date) AS first_reported,
        max(published_date) AS last_reported
    FROM report
    GROUP BY meeting_id
)
SELECT
    m.meeting_id,
    m.meeting_date,
    m.kind,
    m.headline,
    c.n_articles,
    c.n_outlets,
    c.n_articles_without_outlet,
    f.first_outlet,
    f.first_source_ref,
    f.first_article_id,
    c.first_reported,
    c.last_reported,
    date_diff('day', m.meeting_date, c.first_reported) AS report_lag_days
FROM meetings AS m
LEFT JOIN coverage AS c USING (meeting_id)
LEFT JOIN first_report AS f USING (meeting_id)
ORDER BY m.meeting_date NULLS LAST, m.meeting_id;
COMMENT ON VIEW report_meeting_coverage IS 'Source coverage per meeting: reporting articles and outlets, the first reporter, and the days between the meeting and its first report.';
COMMENT ON COLUMN report_meeting_coverage.first_outlet IS 'Outlet of the earliest reporting article (NULL when that article names none).';
COMMENT ON COLUMN report_meeting_coverage.report_lag_days IS 'first_reported minus meeting_date; at month precision only a rough figure.';

-- Which outlets cover the most meetings, and which break them first?
-- One row per outlet (NULL: articles that name no outlet).
CREATE OR REPLACE VIEW report_outlet_coverage AS
WITH report AS (
    SELECT DISTINCT s.meeting_id, a.outlet
    FROM meeting_sources AS s
    JOIN articles AS a USING (article_id)
),
only_outlet AS (
    SELECT meeting_id
    FROM report
    GROUP BY meeting_id
    HAVING count(*) = 1
)
SELECT
    r.outlet,
    count(*) AS n_meetings,
    count(*) FILTER (WHERE c.first_outlet IS NOT DISTINCT FROM r.outlet) AS n_first,
    count(*) FILTER (WHERE o.meeting_id IS NOT NULL) AS n_only_source
FROM report AS r
JOIN report_meeting_coverage AS c USING (meeting_id)
LEFT JOIN only_outlet AS o USING (meeting_id)
GROUP BY r.outlet
ORDER BY n_meetings DESC, r.outlet NULLS LAST;
COMMENT ON VIEW report_outlet_coverage IS 'Source coverage per outlet: meetings reported, meetings it reported first, and meetings no other outlet reported. outlet NULL stands for articles that name no outlet.';
