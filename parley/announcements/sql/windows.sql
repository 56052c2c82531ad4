-- The days an announced meeting may fall on: the announced day, week or month widened by
-- day_slack days, or, undated, the undated_window_days after its publication. Shared by the
-- linking (link_announcements.sql) and by an incremental publish, which keeps each
-- announcement's window to find the announcements a changed meeting may concern.
CREATE OR REPLACE TEMP MACRO _an_window_start(expected_date, date_precision, published_date,
                                              day_slack) AS
    CASE
        WHEN expected_date IS NULL THEN published_date
        ELSE expected_date - day_slack::INTEGER
    END;

CREATE OR REPLACE TEMP MACRO _an_window_end(expected_date, date_precision, published_date,
                                            day_slack, undated_window_days) AS
    CASE
        WHEN expected_date IS NULL THEN published_date + undated_window_days::INTEGER
        WHEN date_precision = 'week' THEN expected_date + 6 + day_slack::INTEGER
        WHEN date_precision = 'month' THEN last_day(expected_date) + day_slack::INTEGER
        ELSE expected_date + day_slack::INTEGER
    END;
