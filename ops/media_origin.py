"""Where media URLs point, for the Content-Security-Policy.

Settings need it, so it imports neither Django's storages nor boto3 unless it
must: production settings load in every process and command.
"""

from urllib.parse import urlsplit


def media_origin(
    bucket: str,
    *,
    custom_domain: str = "",
    url_protocol: str = "https:",
    endpoint_url: str = "",
    addressing_style: str = "",
    region: str = "",
) -> str:
    """The origin (scheme://host[:port]) that S3Storage.url() points media at
    without query-string authentication. On AWS's own endpoints botocore picks
    the host (path or virtual-host style, global or regional) by rules of its
    own, so it is asked, offline; tests/ops/test_object_storage.py checks
    every branch against real URLs."""
    if custom_domain:
        return f"{url_protocol}//{custom_domain}"
    if endpoint_url and addressing_style != "virtual":
        # botocore addresses buckets by path on any endpoint given to it.
        parts = urlsplit(endpoint_url)
        return f"{parts.scheme}://{parts.netloc}"
    # Loading botocore's S3 model takes a few hundred ms, so only here.
    import botocore
    import botocore.session
    from botocore.config import Config

    client = botocore.session.get_session().create_client(
        "s3",
        region_name=region or None,
        endpoint_url=endpoint_url or None,
        config=Config(
            signature_version=botocore.UNSIGNED,
            s3={"addressing_style": addressing_style or None},
        ),
    )
    url = client.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "k"})
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
