-- The linking step's inputs, in the work schema: the announcements of published articles (as
-- staged by their article's drop) and their participants.
CREATE TABLE work.announcements AS
SELECT n.* EXCLUDE (drop_id)
FROM work.stg_announcements AS n
JOIN main.articles AS a ON a.article_id = n.article_id AND a.drop_id = n.drop_id;

CREATE TABLE work.announcement_participants AS
SELECT DISTINCT p.announcement_id, p.entity_id
FROM work.stg_announcement_participants AS p
JOIN work.announcements AS n USING (announcement_id);
