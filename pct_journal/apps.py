from django.contrib.admin.apps import AdminConfig


class MFAAdminConfig(AdminConfig):
    """django.contrib.admin with a site that insists on two-factor authentication."""

    default_site = "pct_journal.admin_site.MFAAdminSite"
