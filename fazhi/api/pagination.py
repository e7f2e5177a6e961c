from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500
    invalid_page_message = "页码无效：没有这一页，请从第 1 页起，不超过总页数。"
    page_query_description = "页码，从 1 起"
    page_size_query_description = "每页条数，1–500（超过按 500；无效的值按默认 50 条）"
