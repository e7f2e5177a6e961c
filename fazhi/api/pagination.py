from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500
    invalid_page_message = "页码无效：没有这一页，请从第 1 页起，不超过总页数。"
