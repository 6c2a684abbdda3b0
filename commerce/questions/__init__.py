"""Product questions and answers (F-14, 留言管理): shoppers ask, customer service answers."""
