"""``{% journey_chart chart %}``: a journey chart as inline SVG (``compact=True`` for panels)."""

from django import template

from yorisoi.evaluations.charts import render_svg

register = template.Library()


@register.simple_tag
def journey_chart(chart, compact: bool = False):
    if compact:
        return render_svg(chart, width=270, height=140, compact=True)
    return render_svg(chart)
