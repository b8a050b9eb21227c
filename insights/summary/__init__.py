"""The therapist summary: one document, shown on the export page, printed, as a PDF and
behind a share link.

- `options`: what the person chose to include, parsed from a query by one form, and
  frozen into plain JSON for a share link;
- `content`: the numbers and sentences of the document for one user and those options,
  with `tables` (its tables, worded for a reader other than the person) and `glance`
  (the few lines at the top);
- `chart_images`: the charts as embedded SVG (no second request, works on a shared page);
- `notes`: the notes the person chose to share;
- `pdf`: the same template through WeasyPrint.
"""
