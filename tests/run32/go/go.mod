module run32hello

go 1.19
