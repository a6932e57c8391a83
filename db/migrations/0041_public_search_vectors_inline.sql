-- A public row's search vectors are kept in the row itself (compressed), and its longer texts go to
-- TOAST first. With the default storage a row's vectors were moved out of line like any long value,
-- so every incident a search tested for its words cost three or four more page reads (the TOAST
-- index and the chunk): a date walk or a count through a million rows read ten times the pages.
-- MAIN still moves a vector out of line when nothing else can make the row fit, so no row is refused.
-- Rows written before this keep their layout until rewritten (the next publish, or VACUUM FULL).
ALTER TABLE "public_incidents" ALTER COLUMN "search_vector" SET STORAGE MAIN, ALTER COLUMN "title_vector" SET STORAGE MAIN;
