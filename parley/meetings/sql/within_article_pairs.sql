-- Mention pairs within one article, scored, with the within-article merge rules:
--   mergeable: no hard conflict; one side's named people and bodies are a subset of the
--              other's (one man meeting the Senate and the White House in one article is
--              two meetings); they share a party (or one names none); day dates agree
--              exactly; neither or both are summits (a summit and a bilateral on its
--              sidelines are two);
--   strict:    mergeable with identical parties and kind (used when a group holds a conflict,
--              e.g. "separate meetings with A and B" joined by a mention naming A, B and C).
CREATE OR REPLACE TEMP TABLE _mc_pair_in AS
SELECT a.unit_id AS a, b.unit_id AS b
FROM _mc_unit AS a
JOIN _mc_unit AS b ON b.article_id = a.article_id AND a.unit_id < b.unit_id;
