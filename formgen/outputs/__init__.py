"""What formgen hands over: dossiers, recap workbooks, the LSP bundle, letters."""
