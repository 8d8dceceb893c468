"""Uploaded media in S3-compatible object storage (settings.production turns it
on when AWS_STORAGE_BUCKET_NAME is set).

Visitors fetch renditions (images/…) straight from the bucket or the CDN in
front of it. Documents (documents/…) must never be fetched that way: the app's
view decides who may have one (core.document_privacy), so their objects
stay private even when AWS_DEFAULT_ACL makes every other upload public-read.
Originals (original_images/…) stay private too: pages only show renditions,
and the app reads originals with its own credentials.
"""

from functools import cached_property
from urllib.parse import quote

from django.core.exceptions import ImproperlyConfigured

from storages.backends.s3 import S3Storage
from storages.utils import clean_name

# Upload folders whose objects are private whatever the default ACL says.
PRIVATE_PREFIXES = ("documents/", "original_images/")


class MediaStorage(S3Storage):
    def get_object_parameters(self, name: str) -> dict:
        params = super().get_object_parameters(name)
        # Only when ACLs are in use at all: buckets with ACLs disabled (S3's
        # default since 2023) refuse any ACL, and are private unless a bucket
        # policy says otherwise.
        if self.default_acl and self._relative(name).startswith(PRIVATE_PREFIXES):
            params["ACL"] = "private"
        return params

    def url(self, name, parameters=None, expire=None, http_method=None):
        # botocore builds each unsigned URL in about 0.3 ms, and a listing shows
        # some 70 rendition URLs; public URLs differ only in their key, so build
        # the prefix once and quote keys as botocore does.
        if self.querystring_auth or self.custom_domain or parameters or http_method:
            return super().url(name, parameters, expire, http_method)
        return self._public_prefix + quote(self._normalize_name(clean_name(name)), safe="/~")

    @cached_property
    def _public_prefix(self) -> str:
        key = quote(self._normalize_name("k"), safe="/~")
        url = super().url("k")
        if not url.endswith("/" + key):
            raise ImproperlyConfigured(f"Unexpected shape of S3 URLs: {url}")
        return url[: -len(key)]

    def _relative(self, name: str) -> str:
        """`name` without AWS_LOCATION, the prefix every key gets."""
        location = self.location.strip("/")
        if location and name.startswith(location + "/"):
            return name[len(location) + 1 :]
        return name
