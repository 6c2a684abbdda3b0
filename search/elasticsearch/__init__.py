"""The scale-out product search: an Elasticsearch index beside the database backend.

Switched on by ``ELASTICSEARCH_URL``; when it is unset or the cluster cannot be
reached, search keeps using Wagtail's database backend (search.matching).
"""
