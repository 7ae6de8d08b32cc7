"""Facts of the domain shared by the roster, the readers and the outputs: NIK, dates, doc types."""
