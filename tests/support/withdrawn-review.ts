/**
 * A withdrawn review's short page, as the site and the CMS preview are given
 * it: Domestic Homicide Review D (content/reviews/d-domestic-homicide-review.mdx,
 * published 1 September 2025, withdrawn a year later), with the partnership's
 * email and phone as the settings have them.
 */
import type { WithdrawnReview } from '../../src/html/blocks';

export const WITHDRAWN_REVIEW_D: WithdrawnReview = {
  name: 'Domestic Homicide Review D',
  type: 'Domestic Homicide Review',
  published: '2025-09-01',
  withdrawn: '2026-09-01',
  years: 1,
  email: 'SSPA@southend.gov.uk',
  phone: '01702 534706',
};
