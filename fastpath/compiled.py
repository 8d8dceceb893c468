"""Small queries of a fixed shape, turned into SQL once per process.

Django builds a queryset's SQL anew every time it is evaluated. For the few
lookups every uncached page view makes (the page itself by id, its author
ids, its topics) building the SQL costs several times what the database
needs to answer, so these are compiled once, with a placeholder for the one
value that changes, and then run as raw SQL with that value.
"""

from collections.abc import Callable

from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import get_related_populators

# No row has this id; it marks where the value goes in the compiled parameters.
PLACEHOLDER = -7_654_321


class CompiledQuery:
    """`build(value)` returns the queryset for one value; its SQL is made once
    per database connection (alias and vendor) and reused."""

    def __init__(self, build: Callable[[int], QuerySet]):
        self.build = build
        self._compiled: dict[tuple[str, str], tuple] = {}

    def _execute(self, value: int, using: str):
        """The compiler that made the SQL (it knows the columns), and the rows."""
        vendor = connections[using].vendor
        compiled = self._compiled.get((using, vendor))
        if compiled is None:
            compiler = self.build(PLACEHOLDER).query.get_compiler(using=using)
            sql, params = compiler.as_sql()
            slots = [i for i, param in enumerate(params) if param == PLACEHOLDER]
            if len(slots) != 1:
                raise ValueError(f"the value must appear once in the query: {sql}")
            compiled = self._compiled[(using, vendor)] = (compiler, sql, list(params), slots[0])
        compiler, sql, params, slot = compiled
        params = list(params)
        params[slot] = value
        with connections[using].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return compiler, list(compiler.results_iter([rows]))

    def objects(self, value: int, using: str = "default") -> list:
        """Model instances, with the objects the queryset's `select_related`
        joins, built as Django's ModelIterable builds them."""
        compiler, rows = self._execute(value, using)
        select, klass_info = compiler.select, compiler.klass_info
        fields = klass_info["select_fields"]
        start, end = fields[0], fields[-1] + 1
        names = [column[0].target.attname for column in select[start:end]]
        populators = get_related_populators(klass_info, select, using)
        objects = []
        for row in rows:
            obj = klass_info["model"].from_db(using, names, row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            objects.append(obj)
        return objects

    def rows(self, value: int, using: str = "default") -> list[tuple]:
        """The rows of a `values_list` queryset, converted as Django would."""
        return self._execute(value, using)[1]
