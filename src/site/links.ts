/** Addresses outside the site that more than one page uses. */
export const NSPCC_REPOSITORY = 'https://learning.nspcc.org.uk/case-reviews/national-case-review-repository';
