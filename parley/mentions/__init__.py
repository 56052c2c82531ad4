"""Meetings, calls and visits each article states took place (stage 3 of 5).

``extract_event_mentions(article_entities) -> MentionBatch`` (``batch``: event mentions,
their participants, and entity mentions of the sides only described)
takes each article with its entities (``parley.records.ArticleEntities``, from the entity
stage), keeps the sentences with a trigger word (``text``), parses them, and for each trigger
the ``DependencyMatcher`` finds (``patterns``) reads who met whom (``frames``,
``clause_parts``, ``arguments``, ``parties``, ``listed``, ``references``, and
``gatherings`` for a group's named meetings), drops announcements, denials, other senses
and plenaries (``patterns.is_non_factual``, ``gatherings``), and decides the kind
(``kinds``), the day (``event_date`` over the date words of ``dates``), the place
(``places``) and the topics (``topics``); ``events`` builds the records and ``passes``
settles what needs the whole article (shared dates and kinds, visits covered by meetings,
topics of later paragraphs), and ``attendees`` adds the people of an attendance list to the
lead meeting.
The same parse gives the meetings an article announces or says were called off
(``announcements``, with ``announcement_status`` and ``announcement_triggers``, dated by
``expected_date``): ``MentionBatch.announcements``.
``extract_mention_batch`` does the same and lists the articles whose processing raised in
``MentionBatch.failures``, where ``extract_event_mentions`` raises.
"""

from parley.mentions.batch import MentionBatch, extract_event_mentions, extract_mention_batch

__all__ = ["MentionBatch", "extract_event_mentions", "extract_mention_batch"]
