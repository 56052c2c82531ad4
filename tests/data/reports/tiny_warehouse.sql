-- A tiny published warehouse with known answers, loaded after the DDL of warehouse/schema.py.
-- Three people (Alice of USA, Bob of IND, Carol of JPN), four meetings, three articles.
-- Invented text, not corpus material.
INSERT INTO articles VALUES
    ('art-1', 'a1.txt', 'tiny', DATE '2025-03-02', NULL, NULL, 'Reuters', NULL,
     'Alice met Bob in Delhi on Saturday to discuss trade and security.', 'sha-1', NULL, NULL,
     TIMESTAMPTZ '2025-03-02 10:00:00+00'),
    ('art-2', 'a2.txt', 'tiny', DATE '2025-03-03', NULL, NULL, 'ANI', NULL,
     'Secretary Alice and minister Bob held talks in Delhi on March 1.', 'sha-2', NULL, NULL,
     TIMESTAMPTZ '2025-03-03 10:00:00+00'),
    ('art-3', 'a3.txt', 'tiny', DATE '2025-04-21', NULL, NULL, NULL, NULL,
     'Alice phoned Carol on April 10. Bob met Carol. Alice and Bob spoke by video on April 20.',
     'sha-3', NULL, NULL, TIMESTAMPTZ '2025-04-21 10:00:00+00');

INSERT INTO rejected_inputs VALUES
    ('tiny', 'broken.txt', 'no_date', 'the file has no date line', TIMESTAMPTZ '2025-04-21 10:00:00+00');

INSERT INTO entities VALUES
    ('person:alice', 'Alice', 'PERSON', 'USA', 4, 3),
    ('person:bob', 'Bob', 'PERSON', 'IND', 4, 3),
    ('person:carol', 'Carol', 'PERSON', 'JPN', 2, 1),
    ('gpe:IND', 'India', 'GPE', 'IND', 0, 0);

INSERT INTO entity_aliases VALUES
    ('person:alice', 'Alice'), ('person:alice', 'Secretary Alice'),
    ('person:bob', 'Bob'), ('person:carol', 'Carol'), ('gpe:IND', 'India');

INSERT INTO entity_mentions VALUES
    ('art-1', 'person:alice', 'Alice', 'PERSON', 0, 5),
    ('art-1', 'person:bob', 'Bob', 'PERSON', 10, 13),
    ('art-2', 'person:alice', 'Secretary Alice', 'PERSON', 0, 15),
    ('art-2', 'person:bob', 'Bob', 'PERSON', 29, 32),
    ('art-3', 'person:alice', 'Alice', 'PERSON', 0, 5),
    ('art-3', 'person:carol', 'Carol', 'PERSON', 13, 18);

INSERT INTO person_roles VALUES
    ('person:alice', 'Senator', 'USA', DATE '2024-01-05', DATE '2024-12-20', 3),
    ('person:alice', 'Secretary of State', 'USA', DATE '2025-03-02', DATE '2025-04-21', 2),
    ('person:bob', 'Foreign Minister', 'IND', DATE '2025-03-02', DATE '2025-03-03', 2),
    ('person:carol', 'Foreign Minister', 'JPN', DATE '2025-04-21', DATE '2025-04-21', 1);

INSERT INTO event_mentions VALUES
    ('em-1', 'art-1', 'meeting', DATE '2025-03-01', 'day', 'on Saturday', 'Delhi', 'IND',
     'Alice met Bob in Delhi on Saturday to discuss trade and security.', 0, 65, 0.9, 'mtg-1'),
    ('em-2', 'art-2', 'meeting', DATE '2025-03-01', 'day', 'on March 1', 'Delhi', 'IND',
     'Secretary Alice and minister Bob held talks in Delhi on March 1.', 0, 64, 0.9, 'mtg-1'),
    ('em-3', 'art-3', 'phone_call', DATE '2025-04-10', 'day', 'on April 10', NULL, NULL,
     'Alice phoned Carol on April 10.', 0, 31, 0.8, 'mtg-2'),
    ('em-4', 'art-3', 'meeting', NULL, NULL, NULL, NULL, NULL,
     'Bob met Carol.', 32, 46, 0.6, 'mtg-3'),
    ('em-5', 'art-3', 'video_call', DATE '2025-04-20', 'day', 'on April 20', NULL, NULL,
     'Alice and Bob spoke by video on April 20.', 47, 88, 0.8, 'mtg-4');

INSERT INTO event_mention_participants VALUES
    ('em-1', 'person:alice', 'visitor'), ('em-1', 'person:bob', 'host'),
    ('em-2', 'person:alice', 'participant'), ('em-2', 'person:bob', 'participant'),
    ('em-3', 'person:alice', 'participant'), ('em-3', 'person:carol', 'participant'),
    ('em-4', 'person:bob', 'participant'), ('em-4', 'person:carol', 'participant'),
    ('em-5', 'person:alice', 'participant'), ('em-5', 'person:bob', 'participant');

INSERT INTO meetings VALUES
    ('mtg-1', 'meeting', DATE '2025-03-01', 'day', 'Delhi', 'IND', 'Alice met Bob in Delhi',
     2, 2, 2, DATE '2025-03-02', DATE '2025-03-03', NULL),
    ('mtg-2', 'phone_call', DATE '2025-04-10', 'day', NULL, NULL, 'Alice phoned Carol',
     1, 1, 0, DATE '2025-04-21', DATE '2025-04-21', NULL),
    ('mtg-3', 'meeting', NULL, NULL, NULL, NULL, 'Bob met Carol',
     1, 1, 0, DATE '2025-04-21', DATE '2025-04-21', NULL),
    ('mtg-4', 'video_call', DATE '2025-04-20', 'day', NULL, NULL, 'Alice and Bob spoke by video',
     1, 1, 0, DATE '2025-04-21', DATE '2025-04-21', NULL);

INSERT INTO meeting_participants VALUES
    ('mtg-1', 'person:alice', 'Alice', 'PERSON', 'USA', 'Secretary of State'),
    ('mtg-1', 'person:bob', 'Bob', 'PERSON', 'IND', 'Foreign Minister'),
    ('mtg-2', 'person:alice', 'Alice', 'PERSON', 'USA', 'Secretary of State'),
    ('mtg-2', 'person:carol', 'Carol', 'PERSON', 'JPN', 'Foreign Minister'),
    ('mtg-3', 'person:bob', 'Bob', 'PERSON', 'IND', NULL),
    ('mtg-3', 'person:carol', 'Carol', 'PERSON', 'JPN', 'Foreign Minister'),
    ('mtg-4', 'person:alice', 'Alice', 'PERSON', 'USA', 'Secretary of State'),
    ('mtg-4', 'person:bob', 'Bob', 'PERSON', 'IND', 'Foreign Minister');

INSERT INTO meeting_countries VALUES
    ('mtg-1', 'IND', 'participant'), ('mtg-1', 'USA', 'participant'),
    ('mtg-2', 'JPN', 'participant'), ('mtg-2', 'USA', 'participant'),
    ('mtg-3', 'IND', 'participant'), ('mtg-3', 'JPN', 'participant'),
    ('mtg-4', 'IND', 'participant'), ('mtg-4', 'USA', 'participant');

INSERT INTO meeting_sources VALUES
    ('mtg-1', 'art-1', 'em-1'), ('mtg-1', 'art-2', 'em-2'), ('mtg-2', 'art-3', 'em-3'),
    ('mtg-3', 'art-3', 'em-4'), ('mtg-4', 'art-3', 'em-5');

INSERT INTO meeting_topics VALUES
    ('mtg-1', 'security'), ('mtg-1', 'trade'), ('mtg-2', 'security'), ('mtg-4', 'trade');

INSERT INTO meeting_id_redirects VALUES
    ('mtg-0', 'mtg-1', TIMESTAMPTZ '2025-03-03 10:00:00+00');

-- Three announcements: Alice's meeting with Bob, held as mtg-1; Bob's meeting with Carol,
-- called off; Alice's visit to India next week, pending.
INSERT INTO articles VALUES
    ('art-4', 'a4.txt', 'tiny', DATE '2025-02-25', NULL, NULL, 'Reuters', NULL,
     'Alice will meet Bob in Delhi on March 1.', 'sha-4', NULL, NULL,
     TIMESTAMPTZ '2025-02-25 10:00:00+00'),
    ('art-5', 'a5.txt', 'tiny', DATE '2025-04-25', NULL, NULL, NULL, NULL,
     'Bob postponed his meeting with Carol. Alice will visit India next week.', 'sha-5', NULL,
     NULL, TIMESTAMPTZ '2025-04-25 10:00:00+00');

INSERT INTO meeting_announcements VALUES
    ('ann-1', 'art-4', 'meeting', DATE '2025-03-01', 'day', 'on March 1', 'Delhi', 'IND', NULL,
     'Alice will meet Bob in Delhi on March 1.', 11, 15, 'announced', 'held', 'mtg-1', NULL),
    ('ann-2', 'art-5', 'meeting', NULL, NULL, NULL, NULL, NULL, NULL,
     'Bob postponed his meeting with Carol.', 18, 25, 'cancelled', 'cancelled', NULL, 'ann-2'),
    ('ann-3', 'art-5', 'visit', DATE '2025-04-28', 'week', 'next week', 'India', 'IND', NULL,
     'Alice will visit India next week.', 49, 54, 'announced', 'announced', NULL, NULL);

INSERT INTO announcement_participants VALUES
    ('ann-1', 'person:alice'), ('ann-1', 'person:bob'), ('ann-2', 'person:bob'),
    ('ann-2', 'person:carol'), ('ann-3', 'gpe:IND'), ('ann-3', 'person:alice');
