-- Memberships from before joined_at existed: the account's creation is the best known start, so
-- an admin's audit view keeps showing those members' past sign-ins as it did.
UPDATE "memberships" m SET "joined_at" = u."created_at" FROM "users" u WHERE u."id" = m."user_id";
