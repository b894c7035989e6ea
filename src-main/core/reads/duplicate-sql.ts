/**
 * The query language's `is:duplicate` as one SQL condition over every lead, written to cost two
 * index scans at a million leads. reads/duplicates.ts asks the same question of a few given
 * leads, each by its own email and name, for the pairs the person reviews.
 */

const notDismissed = (lead: string) => `NOT EXISTS (SELECT 1 FROM duplicate_dismissals d
         WHERE d.low_id = min(${lead}.id, other.id) AND d.high_id = max(${lead}.id, other.id))`;

/**
 * Another lead with the same email (any case), or the same name at the same company, and the
 * pair not dismissed by the person. The keys shared by several leads are found first, in one
 * pass over each of the duplicate indexes (leads_by_email_nocase, leads_by_name_company); the
 * leads with those keys are then looked up by the same indexes and checked against their
 * dismissed pairs. Those indexes hold the columns
 * themselves (compared with NOCASE, which folds case as SQLite's lower() does: ASCII only), so
 * none of this reads a lead's row. A million leads cost two index scans, not a million lookups.
 */
export const POSSIBLE_DUPLICATE = `id IN (
  SELECT dup.id FROM (SELECT email AS shared FROM leads WHERE email <> ''
       GROUP BY email COLLATE NOCASE HAVING count(*) > 1) emails
  JOIN leads dup ON dup.email = emails.shared COLLATE NOCASE AND dup.email <> ''
    AND EXISTS (SELECT 1 FROM leads other
       WHERE other.email = dup.email COLLATE NOCASE AND other.email <> '' AND other.id <> dup.id
         AND ${notDismissed('dup')})
  UNION
  SELECT dup.id FROM (SELECT contact_name AS name, company AS firm FROM leads
       WHERE contact_name <> '' AND company <> ''
       GROUP BY contact_name COLLATE NOCASE, company COLLATE NOCASE HAVING count(*) > 1) shared
  JOIN leads dup ON dup.contact_name = shared.name COLLATE NOCASE
    AND dup.company = shared.firm COLLATE NOCASE
    AND dup.contact_name <> '' AND dup.company <> ''
    AND EXISTS (SELECT 1 FROM leads other
       WHERE other.contact_name = dup.contact_name COLLATE NOCASE
         AND other.company = dup.company COLLATE NOCASE
         AND other.contact_name <> '' AND other.company <> '' AND other.id <> dup.id
         AND ${notDismissed('dup')}))`;
